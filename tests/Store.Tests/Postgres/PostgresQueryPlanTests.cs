using System.Data.Common;
using JourneyGrpc.Store.Internal;
using JourneyGrpc.Store.Tests.Infrastructure;
using Npgsql;

namespace JourneyGrpc.Store.Tests.Postgres;

/// <summary>
/// On a database with enough rows for the planner to choose (10,000 records in 10 tenants, analyzed),
/// EXPLAIN shows index scans for the store's lookups, no sequential scan, and no sort for a page.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueryPlanTests(PostgresFixture postgres) : IAsyncLifetime
{
    // Seeded once for the class (xunit makes an instance per test).
    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static string? _seededConnectionString;
    private NpgsqlConnection? _connection;

    public async Task InitializeAsync()
    {
        await SeedLock.WaitAsync().DefaultTimeout();
        try
        {
            _seededConnectionString ??= await SeedAsync(postgres);
        }
        finally
        {
            SeedLock.Release();
        }

        _connection = new NpgsqlConnection(_seededConnectionString);
        await _connection.OpenAsync();
    }

    public Task DisposeAsync() => _connection?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    private static async Task<string> SeedAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync("plan").DefaultTimeout();
        await using (var store = await JourneyStore.OpenAsync(new JourneyStoreOptions { Provider = "postgres", PostgresConnectionString = connectionString }).DefaultTimeout())
        {
            for (var tenant = 0; tenant < 10; tenant++)
            {
                var batch = new WriteBatch();
                for (var i = 0; i < 1000; i++)
                {
                    batch.Insert("engagements", $"e{i}", Records.Small($"e{i}"), new IndexEntry("by-agent", $"agent-{i % 100}", i), new IndexEntry("by-identifier", $"id-{i % 300}", i));
                    batch.Append("ocs", Records.Small($"ev{i}"));
                }

                await store.WriteAsync($"tenant-{tenant}", batch).DefaultTimeout();
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
        return connectionString;
    }

    [Fact]
    public async Task GetById_IndexScanOnPrimaryKey()
    {
        var plan = await ExplainAsync(Sql.Command(_connection!, null, StoreSql.GetRecord).With("@t", "tenant-3").With("@c", "engagements").With("@id", "e10"));

        Assert.Contains("Index Scan using records_pkey on records", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FindPage_OneKey_IndexScanInOrderWithoutSort(bool descending)
    {
        var query = new IndexQuery("engagements", "by-agent", "agent-7") { SortFrom = 0, SortTo = 800, Descending = descending, Limit = 5, Offset = 2 };

        var page = await ExplainAsync(RecordQueries.BuildFind(_connection!, null, "tenant-3", query, count: false));
        var total = await ExplainAsync(RecordQueries.BuildFind(_connection!, null, "tenant-3", query, count: true));

        Assert.Contains(descending ? "Index Only Scan Backward using record_index_pkey on record_index x" : "Index Only Scan using record_index_pkey on record_index x", page, StringComparison.Ordinal);
        Assert.Contains("Index Scan using records_pkey on records r", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", page, StringComparison.Ordinal);
        Assert.Contains("Index Only Scan using record_index_pkey on record_index", total, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", page + total, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindPage_SeveralKeys_IndexScansOnly()
    {
        var query = new IndexQuery("engagements", "by-identifier", ["id-1", "id-2", "id-3"]);

        var plan = await ExplainAsync(RecordQueries.BuildFind(_connection!, null, "tenant-3", query, count: false))
            + await ExplainAsync(RecordQueries.BuildFind(_connection!, null, "tenant-3", query, count: true));

        Assert.Contains("using record_index_pkey on record_index", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("record_index_by_record", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadEvents_IndexScanInSequenceOrder()
    {
        var plan = await ExplainAsync(Sql.Command(_connection!, null, StoreSql.ReadEvents).With("@t", "tenant-3").With("@l", "ocs").With("@after", 900L).With("@max", 50));

        Assert.Contains("Index Scan using events_pkey on events", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(DbCommand command)
    {
        await using (command)
        {
            command.CommandText = "EXPLAIN " + command.CommandText;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
    }
}
