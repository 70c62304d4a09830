using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.MultiProcess;
using Npgsql;
using Xunit.Abstractions;

namespace JourneyGrpc.Store.Tests.Postgres;

/// <summary>The SIGKILL crash test (<see cref="CrashScenario"/>) with the server process on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Put_PostgresServerKilledMidLoad_EveryAcknowledgedWriteSurvivesRestart()
    {
        var connectionString = await postgres.CreateDatabaseAsync("crash").DefaultTimeout();
        await CrashScenario.RunAsync("PostgreSQL", ["--Store:Provider=postgres", "--Store:PostgresConnectionString=" + connectionString], () => ReadAsync(connectionString), output);
    }

    private static async Task<(string? Integrity, Dictionary<string, byte[]> Stored)> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT id, payload FROM records WHERE tenant = @t AND collection = @c", connection);
        read.Parameters.AddWithValue("t", CrashScenario.Tenant);
        read.Parameters.AddWithValue("c", CrashScenario.Collection);
        var stored = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = (byte[])reader.GetValue(1);
        }

        return (null, stored);
    }
}
