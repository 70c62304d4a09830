using JourneyGrpc.Store.Internal;
using JourneyGrpc.Store.Internal.Sqlite;
using JourneyGrpc.Store.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyGrpc.Store.Tests.Internal;

/// <summary>The single writer's group transaction, on a SQLite file of its own.</summary>
public sealed class GroupCommitWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Commit_ConflictAbortsTransactionInBatchWithoutSavepoint_GroupRunsAgainAndOnlyThatBatchFails()
    {
        var options = new JourneyStoreOptions { SqlitePath = _directory.File("abort.db") };
        await using var backend = new TransactionAbortingBackend(new SqliteBackend(options));
        var connection = await backend.OpenWriterAsync(CancellationToken.None);
        var schema = await Migrator.MigrateAsync(connection, backend, TimeProvider.System, NullLogger.Instance, targetVersion: null, CancellationToken.None);
        await Sql.ExecuteAsync(
            connection,
            null,
            $"CREATE TRIGGER abort_poison BEFORE INSERT ON record_index WHEN NEW.id = 'poison' BEGIN SELECT RAISE(ABORT, '{TransactionAbortingBackend.Message}'); END",
            CancellationToken.None);
        var applier = new BatchApplier(backend, TimeProvider.System);
        applier.UseSchema(schema);
        var writer = new GroupCommitWriter(backend, applier, new EventSignals(), maxBatchesPerCommit: 512, NullLogger.Instance);
        Task<WriteResult>[] writes;
        try
        {
            // Queued before the writer starts, so they form one group. A single insert gets no savepoint at
            // first; the poison one fails at its second statement, after its record row was written.
            writes = [.. new[] { "before", "poison", "after" }.Select(id =>
                writer.EnqueueAsync("t", new WriteBatch().Insert("c", id, Records.Small(id), new IndexEntry("by-agent", "a", 1)), CancellationToken.None))];
            writer.Start(connection);

            var error = await Assert.ThrowsAsync<StoreConcurrencyException>(() => writes[1].DefaultTimeout());
            Assert.True(error.AbortedTransaction);
            Assert.Equal([1L], (await writes[0].DefaultTimeout()).Versions);
            Assert.Equal([1L], (await writes[2].DefaultTimeout()).Versions);
            Assert.Equal(1, writer.CommitCount);
        }
        finally
        {
            await writer.DisposeAsync();
        }

        await using var store = await JourneyStore.OpenAsync(options).DefaultTimeout();
        Assert.Equal(["after", "before"], (await store.FindAsync("t", new IndexQuery("c", "by-agent", "a")).DefaultTimeout()).Records.Select(r => r.Id).Order());
        Assert.Null(await store.GetAsync("t", "c", "poison").DefaultTimeout());
    }
}
