using System.Data.Common;
using System.Text;

namespace JourneyGrpc.Store.Internal;

/// <summary>Applies the operations of one <see cref="WriteBatch"/> inside the writer's open transaction.</summary>
internal sealed class BatchApplier(IStoreBackend backend, TimeProvider timeProvider)
{
    // The single writer's: batches are applied one at a time.
    private readonly StringBuilder _entries = new();
    private RecordWriteSql? _recordWrites;

    /// <summary>Chooses the statements for the schema the database has after start-up migrations.</summary>
    internal void UseSchema(int schemaVersion) => _recordWrites = backend.RecordWritesAt(schemaVersion);

    /// <summary>
    /// True when a conflict could surface after the batch has changed something, so that it needs a
    /// savepoint to fail alone. A single operation without unique entries can only conflict before it
    /// has changed anything (ON CONFLICT DO NOTHING, or a version that did not match, which also guards
    /// the deletion of listed index entries).
    /// </summary>
    internal static bool MayFailAfterChanges(IReadOnlyList<WriteOperation> operations) =>
        operations.Count > 1 || operations[0].Indexes.Any(entry => entry.IsUnique);

    /// <summary>Runs every operation in order; a conflict throws before anything is committed.</summary>
    internal async Task<WriteResult> ApplyAsync(CommandCache commands, DbTransaction transaction, string tenant, IReadOnlyList<WriteOperation> operations, CancellationToken cancellationToken)
    {
        var versions = new List<long>();
        var sequences = new List<long>();
        HashSet<string>? appendedLogs = null;
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var writes = new Writes(commands, _recordWrites ?? throw new InvalidOperationException("The store has not started."), _entries, transaction, tenant, cancellationToken);
        foreach (var operation in operations)
        {
            try
            {
                if (operation.Kind == WriteOperationKind.Append)
                {
                    sequences.Add(await writes.AppendAsync(operation, now).ConfigureAwait(false));
                    (appendedLogs ??= new(StringComparer.Ordinal)).Add(operation.Target);
                }
                else
                {
                    versions.Add(await writes.WriteRecordAsync(operation).ConfigureAwait(false));
                }
            }
            catch (Exception ex) when (backend.IsTransientConflict(ex))
            {
                throw new StoreConcurrencyException(operation.Target, operation.Id, operation.ExpectedVersion, actualVersion: null, reason: "a concurrent transaction conflicted with this one", abortedTransaction: true);
            }
        }

        if (backend.NotifySql is { } notify && appendedLogs is not null)
        {
            foreach (var log in appendedLogs)
            {
                await commands.Get(notify, transaction).With("@n", tenant + StoreNames.Separator + log).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return new WriteResult(versions, sequences);
    }

    /// <summary>The statements of one batch, bound to its connection, transaction and tenant.</summary>
    private readonly record struct Writes(CommandCache Commands, RecordWriteSql RecordSql, StringBuilder EntriesBuffer, DbTransaction Transaction, string Tenant, CancellationToken CancellationToken)
    {
        internal async Task<long> WriteRecordAsync(WriteOperation operation)
        {
            if (RecordSql.ListsEntries && operation.Kind != WriteOperationKind.Insert)
            {
                // While the record still lists its old entries. At a stale version this deletes nothing,
                // so the write then fails at its first change, as without a list.
                var deleteEntries = operation.ExpectedVersion is { } expectedVersion
                    ? Record(RecordSql.DeleteEntriesAtVersion, operation).With("@v", expectedVersion)
                    : Record(RecordSql.DeleteEntries, operation);
                await deleteEntries.ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false);
            }

            long version;
            var replacesEntries = true;
            switch (operation.Kind)
            {
                case WriteOperationKind.Insert:
                    if (await Written(RecordSql.Insert, operation).ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false) == 0)
                    {
                        throw new StoreDuplicateException(operation.Target, operation.Id);
                    }

                    version = 1;
                    replacesEntries = false;
                    break;

                case WriteOperationKind.Update:
                    var expected = operation.ExpectedVersion!.Value;
                    if (await Written(RecordSql.Update, operation).With("@v", expected).ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false) == 0)
                    {
                        throw await ConflictAsync(operation).ConfigureAwait(false);
                    }

                    version = expected + 1;
                    break;

                case WriteOperationKind.Upsert:
                    version = await Written(RecordSql.Upsert, operation).FirstInt64Async(CancellationToken).ConfigureAwait(false) ?? 1;
                    replacesEntries = version > 1;
                    break;

                case WriteOperationKind.Delete:
                    var delete = operation.ExpectedVersion is { } at
                        ? Record(StoreSql.DeleteRecordAtVersion, operation).With("@v", at)
                        : Record(StoreSql.DeleteRecord, operation);
                    if (await delete.ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false) == 0 && operation.ExpectedVersion is not null)
                    {
                        throw await ConflictAsync(operation).ConfigureAwait(false);
                    }

                    version = 0;
                    break;

                default:
                    throw new InvalidOperationException($"Unexpected operation {operation.Kind}.");
            }

            if (replacesEntries)
            {
                if (!RecordSql.ListsEntries)
                {
                    await Record(RecordSql.DeleteEntries, operation).ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false);
                }

                await Record(StoreSql.DeleteUniqueKeys, operation).ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false);
            }

            if (operation.Indexes.Count > 0)
            {
                await WriteEntriesAsync(operation).ConfigureAwait(false);
            }

            return version;
        }

        internal async Task<long> AppendAsync(WriteOperation operation, long now)
        {
            var sequence = await Commands.Get(StoreSql.NextSequence, Transaction).With("@t", Tenant).With("@l", operation.Target).FirstInt64Async(CancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The event log head returned no sequence.");
            await Commands.Get(StoreSql.InsertEvent, Transaction)
                .With("@t", Tenant).With("@l", operation.Target).With("@s", sequence).With("@at", now).With("@p", operation.Payload!)
                .ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false);
            return sequence;
        }

        private async Task WriteEntriesAsync(WriteOperation operation)
        {
            foreach (var entry in operation.Indexes)
            {
                if (entry.IsUnique
                    && await Record(StoreSql.InsertUniqueKey, operation).With("@n", entry.Name).With("@k", entry.Key).ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false) == 0)
                {
                    var owner = await Record(StoreSql.UniqueKeyOwner, operation).With("@n", entry.Name).With("@k", entry.Key).FirstValueAsync(CancellationToken).ConfigureAwait(false);
                    throw new StoreDuplicateException(operation.Target, operation.Id, entry.Name, entry.Key, owner as string ?? "?");
                }
            }

            var insert = Record(StoreSql.InsertIndexEntries(operation.Indexes.Count), operation);
            for (var i = 0; i < operation.Indexes.Count; i++)
            {
                var entry = operation.Indexes[i];
                insert.With(Names.Of("@n", i), entry.Name).With(Names.Of("@k", i), entry.Key).With(Names.Of("@s", i), entry.Sort);
            }

            await insert.ExecuteNonQueryAsync(CancellationToken).ConfigureAwait(false);
        }

        private async Task<StoreConcurrencyException> ConflictAsync(WriteOperation operation)
        {
            var actual = await Record(StoreSql.RecordVersion, operation).FirstInt64Async(CancellationToken).ConfigureAwait(false);
            return new StoreConcurrencyException(operation.Target, operation.Id, operation.ExpectedVersion, actual);
        }

        private DbCommand Record(string sql, WriteOperation operation) =>
            Commands.Get(sql, Transaction).With("@t", Tenant).With("@c", operation.Target).With("@id", operation.Id);

        /// <summary>A statement that writes the record's payload (and, where the record lists them, its entries).</summary>
        private DbCommand Written(string sql, WriteOperation operation)
        {
            var command = Record(sql, operation).With("@p", operation.Payload!);
            return RecordSql.ListsEntries ? command.With("@e", IndexEntriesJson.Format(operation.Indexes, EntriesBuffer)) : command;
        }
    }
}
