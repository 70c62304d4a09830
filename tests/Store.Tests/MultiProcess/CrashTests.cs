using JourneyGrpc.Store.Internal.LiteDb;
using JourneyGrpc.Store.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace JourneyGrpc.Store.Tests.MultiProcess;

/// <summary>The SIGKILL crash test (<see cref="CrashScenario"/>) on the embedded providers; PostgreSQL's is in <see cref="PostgresCrashTests"/>.</summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Put_SqliteServerKilledMidLoad_EveryAcknowledgedWriteSurvivesRestart()
    {
        var database = _directory.File("crash.db");
        await CrashScenario.RunAsync("SQLite", [$"--Store:SqlitePath={database}"], () => ReadSqliteAsync(database), output);
    }

    [Fact]
    public async Task Put_LiteDbServerKilledMidLoad_EveryAcknowledgedWriteSurvivesRestart()
    {
        var database = _directory.File("crash.litedb");
        await CrashScenario.RunAsync("LiteDB", ["--Store:Provider=litedb", $"--Store:LiteDbPath={database}"], () => ReadLiteDbAsync(database), output);
    }

    private static async Task<(string? Integrity, Dictionary<string, byte[]> Stored)> ReadSqliteAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var integrity = (string)(await check.ExecuteScalarAsync())!;
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT id, payload FROM records WHERE tenant = $t AND collection = $c";
        read.Parameters.AddWithValue("$t", CrashScenario.Tenant);
        read.Parameters.AddWithValue("$c", CrashScenario.Collection);
        var stored = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = (byte[])reader.GetValue(1);
        }

        return (integrity, stored);
    }

    private static Task<(string? Integrity, Dictionary<string, byte[]> Stored)> ReadLiteDbAsync(string database)
    {
        // The store's own open path: exclusive, the log of the killed server replayed into the data file.
        using var files = LiteDbFiles.Open(database, maxLogBytes: null);
        var integrity = LiteDbIntegrity.Check(files.Engine);
        var prefix = LiteDbKeys.Record(CrashScenario.Tenant, CrashScenario.Collection, string.Empty);
        var stored = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = files.Engine.Query(LiteDbSchema.Records, new LiteDB.Query());
        while (reader.Read())
        {
            var key = reader.Current["_id"].AsString;
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                stored[key[prefix.Length..]] = reader.Current["p"].AsBinary;
            }
        }

        return Task.FromResult<(string?, Dictionary<string, byte[]>)>((integrity, stored));
    }
}
