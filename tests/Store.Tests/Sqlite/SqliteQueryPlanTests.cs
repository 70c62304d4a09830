using System.Data.Common;
using JourneyGrpc.Store.Internal;
using JourneyGrpc.Store.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace JourneyGrpc.Store.Tests.Sqlite;

/// <summary>The store's lookups are index searches: EXPLAIN QUERY PLAN shows SEARCH, never SCAN, and a page needs no sort.</summary>
public sealed class SqliteQueryPlanTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SqliteConnection? _connection;

    public async Task InitializeAsync()
    {
        var path = _directory.File("plan.db");
        await (await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = path }).DefaultTimeout()).DisposeAsync();
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await _connection.OpenAsync();
    }

    public Task DisposeAsync() => _connection?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task GetById_UsesPrimaryKey()
    {
        var plan = await PlanAsync(Sql.Command(_connection!, null, StoreSql.GetRecord).With("@t", "t").With("@c", "c").With("@id", "1"));

        Assert.Equal(["SEARCH records USING INDEX sqlite_autoindex_records_1 (tenant=? AND collection=? AND id=?)"], plan);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FindPage_OneKey_SearchesIndexInOrderWithoutSorting(bool descending)
    {
        var query = new IndexQuery("engagements", "by-agent", "agent-1") { SortFrom = 1000, SortTo = 2000, Descending = descending };

        var page = await PlanAsync(RecordQueries.BuildFind(_connection!, null, "t", query, count: false));
        var total = await PlanAsync(RecordQueries.BuildFind(_connection!, null, "t", query, count: true));

        Assert.Equal(
            [
                "SEARCH x USING PRIMARY KEY (tenant=? AND collection=? AND name=? AND key=? AND sort>? AND sort<?)",
                "SEARCH r USING INDEX sqlite_autoindex_records_1 (tenant=? AND collection=? AND id=?)",
            ],
            page);
        Assert.Equal(["SEARCH record_index USING PRIMARY KEY (tenant=? AND collection=? AND name=? AND key=? AND sort>? AND sort<?)"], total);
    }

    [Fact]
    public async Task FindPage_SeveralKeys_SearchesIndexPerKey()
    {
        var query = new IndexQuery("engagements", "by-identifier", ["a", "b", "c"]);

        var page = await PlanAsync(RecordQueries.BuildFind(_connection!, null, "t", query, count: false));
        var total = await PlanAsync(RecordQueries.BuildFind(_connection!, null, "t", query, count: true));

        // Only the matches themselves (m) are scanned and sorted; both tables are searched by key.
        foreach (var plan in new[] { page, total })
        {
            Assert.Contains("SEARCH record_index USING PRIMARY KEY (tenant=? AND collection=? AND name=? AND key=? AND sort>? AND sort<?)", plan);
            Assert.DoesNotContain(plan, line => line.Contains("record_index_by_record", StringComparison.Ordinal) || line.StartsWith("SCAN record", StringComparison.Ordinal));
        }

        Assert.True(page.Contains("SEARCH r USING INDEX sqlite_autoindex_records_1 (tenant=? AND collection=? AND id=?)"), string.Join("\n", page));
    }

    [Theory]
    [InlineData(StoreSql.DeleteListedIndexEntries)]
    [InlineData(StoreSql.DeleteListedIndexEntriesAtVersion)]
    public async Task DeleteListedIndexEntries_DeletesByPrimaryKeyOfEachListedEntry(string sql)
    {
        var command = Sql.Command(_connection!, null, sql).With("@t", "t").With("@c", "c").With("@id", "1");
        if (sql.Contains("@v", StringComparison.Ordinal))
        {
            command.With("@v", 1L);
        }

        var plan = await PlanAsync(command);

        // The only scan is of the record's own JSON list (json_each), never of a table.
        Assert.Equal("SEARCH record_index USING PRIMARY KEY (tenant=? AND collection=? AND name=? AND key=? AND sort=? AND id=?)", plan[0]);
        Assert.Contains("SEARCH r USING INDEX sqlite_autoindex_records_1 (tenant=? AND collection=? AND id=?)", plan);
        Assert.Equal(["SCAN e VIRTUAL TABLE INDEX 1:"], plan.Where(line => line.StartsWith("SCAN", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReadEvents_UsesPrimaryKeyInSequenceOrder()
    {
        var plan = await PlanAsync(Sql.Command(_connection!, null, StoreSql.ReadEvents).With("@t", "t").With("@l", "l").With("@after", 5L).With("@max", 10));

        Assert.Equal(["SEARCH events USING INDEX sqlite_autoindex_events_1 (tenant=? AND log=? AND seq>?)"], plan);
    }

    private static async Task<List<string>> PlanAsync(DbCommand command)
    {
        await using (command)
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return lines;
        }
    }
}
