using System.Data.Common;
using JourneyGrpc.Store.Internal.Postgres;
using JourneyGrpc.Store.Tests.Contract;
using JourneyGrpc.Store.Tests.Infrastructure;
using Npgsql;

namespace JourneyGrpc.Store.Tests.Postgres;

/// <summary>The contract suite on a real PostgreSQL server (a throwaway cluster started for the run).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresFixture postgres) : StoreContractTests
{
    protected override int NewestSchemaVersion => PostgresSchema.Migrations[^1].Version;

    protected override Task<JourneyStoreOptions> StoreOptionsAsync() => Task.FromResult(Options(postgres.SharedConnectionString));

    protected override async Task<JourneyStoreOptions> FreshDatabaseAsync() => Options(await postgres.CreateDatabaseAsync("fresh"));

    protected override async Task<DbConnection> OpenRawAsync(JourneyStoreOptions options)
    {
        var connection = new NpgsqlConnection(options.PostgresConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = (NpgsqlConnection)await OpenRawAsync(await StoreOptionsAsync());
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE records, event_heads IN EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new HeldTransaction(transaction, connection);
    }

    private static JourneyStoreOptions Options(string connectionString) =>
        new() { Provider = JourneyStoreOptions.Postgres, PostgresConnectionString = connectionString };
}
