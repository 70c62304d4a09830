using System.Net.Sockets;
using Npgsql;

namespace JourneyGrpc.Store.Internal.Postgres;

/// <summary>PostgreSQL errors as <see cref="StoreFailureException"/>s (https://www.postgresql.org/docs/current/errcodes-appendix.html).</summary>
internal static class PostgresFailures
{
    internal static StoreFailureException? Translate(Exception exception, string store)
    {
        switch (exception)
        {
            case StoreFailureException failure:
                return failure;

            case PostgresException postgres:
                var detail = $"PostgreSQL {postgres.SqlState}: {postgres.MessageText}";
                return postgres.SqlState switch
                {
                    PostgresErrorCodes.DiskFull => new StoreFailureException(StoreFailure.DiskFull, $"The {store} cannot grow: the server's disk is full. Nothing of this write was saved. ({detail})", exception),
                    PostgresErrorCodes.ReadOnlySqlTransaction => new StoreFailureException(StoreFailure.ReadOnly, $"The {store} is read-only (a standby, or default_transaction_read_only is on); point Store:PostgresConnectionString at the primary. ({detail})", exception),
                    PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted => new StoreFailureException(StoreFailure.Corrupt, $"The {store} reports corrupt data. ({detail})", exception),
                    PostgresErrorCodes.IoError => new StoreFailureException(StoreFailure.IoError, $"The {store} had an I/O error. ({detail})", exception),
                    PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InvalidAuthorizationSpecification or PostgresErrorCodes.InvalidPassword
                        or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                        => new StoreFailureException(StoreFailure.Unreachable, $"The {store} refused the connection; check Store:PostgresConnectionString and the server. ({detail})", exception),
                    { } state when state.StartsWith("08", StringComparison.Ordinal)
                        => new StoreFailureException(StoreFailure.Unreachable, $"The connection to the {store} failed. ({detail})", exception),
                    _ => null,
                };

            case NpgsqlException or SocketException or TimeoutException:
                return new StoreFailureException(StoreFailure.Unreachable, $"The {store} is unreachable: {exception.Message} Check Store:PostgresConnectionString and that the server is up.", exception);

            default:
                return null;
        }
    }
}
