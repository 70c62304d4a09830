using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace JourneyGrpc.Store.Internal;

/// <summary>The reads: each on its own reader connection, never the writer's (WAL lets them run beside it).</summary>
internal sealed class RecordQueries(IStoreBackend backend)
{
    internal async Task<StoredRecord?> GetAsync(string tenant, string collection, string id, CancellationToken cancellationToken)
    {
        await using var connection = await backend.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, StoreSql.GetRecord).With("@t", tenant).With("@c", collection).With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredRecord(collection, id, reader.GetInt64(0), (byte[])reader.GetValue(1))
            : null;
    }

    internal async Task<IReadOnlyList<StoredRecord>> GetManyAsync(string tenant, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        await using var connection = await backend.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, string.Empty).With("@t", tenant).With("@c", collection);
        var text = new StringBuilder("SELECT id, version, payload FROM records WHERE tenant = @t AND collection = @c AND id IN (");
        AppendList(command, text, "@i", distinct);
        command.CommandText = text.Append(')').ToString();
        var found = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                found[id] = new StoredRecord(collection, id, reader.GetInt64(1), (byte[])reader.GetValue(2));
            }
        }

        return [.. distinct.Where(found.ContainsKey).Select(id => found[id])];
    }

    internal async Task<RecordPage> FindAsync(string tenant, IndexQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await backend.OpenReaderAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for the page and the total.
        await using var transaction = await backend.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var records = new List<StoredRecord>(Math.Min(query.Limit, 256));
        await using (var page = BuildFind(connection, transaction, tenant, query, count: false))
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(new StoredRecord(query.Collection, reader.GetString(0), reader.GetInt64(1), (byte[])reader.GetValue(2)));
            }
        }

        var total = await BuildFind(connection, transaction, tenant, query, count: true).ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RecordPage(records, total);
    }

    internal async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, string log, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await backend.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, StoreSql.ReadEvents).With("@t", tenant).With("@l", log).With("@after", afterSequence).With("@max", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StoredEvent(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), (byte[])reader.GetValue(2)));
        }

        return events;
    }

    internal async Task<long> LogHeadAsync(string tenant, string log, CancellationToken cancellationToken)
    {
        await using var connection = await backend.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.Command(connection, null, StoreSql.LogHead).With("@t", tenant).With("@l", log).ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
    }

    /// <summary>
    /// CROSS JOIN fixes the join order in SQLite (https://sqlite.org/optoverview.html#crossjoin): index
    /// matches outside, records looked up by id inside, never the collection scanned for matches.
    /// One key walks the primary key of record_index (tenant, collection, name, key, sort, id) in order,
    /// so a page costs its size, not the number of matches. Several keys merge their ranges and keep
    /// each record once, at its first sort value in the requested order.
    /// </summary>
    internal static DbCommand BuildFind(DbConnection connection, DbTransaction? transaction, string tenant, IndexQuery query, bool count)
    {
        var command = Sql.Command(connection, transaction, string.Empty)
            .With("@t", tenant).With("@c", query.Collection).With("@n", query.Index).With("@from", query.SortFrom).With("@to", query.SortTo);
        var keys = new StringBuilder();
        if (query.Keys.Count == 1)
        {
            keys.Append("key = @k0");
            command.With("@k0", query.Keys[0]);
        }
        else
        {
            keys.Append("key IN (");
            AppendList(command, keys, "@k", query.Keys);
            keys.Append(')');
        }

        var direction = query.Descending ? "DESC" : "ASC";
        if (query.Keys.Count == 1)
        {
            command.CommandText = count
                ? $"SELECT COUNT(*) FROM record_index WHERE {Filter(string.Empty, keys)}"
                : "SELECT x.id, r.version, r.payload FROM record_index x CROSS JOIN records r"
                    + $" WHERE {Filter("x.", keys)} AND r.tenant = @t AND r.collection = @c AND r.id = x.id ORDER BY x.sort {direction}, x.id {direction} LIMIT @limit OFFSET @offset";
        }
        else
        {
            // MATERIALIZED keeps the key lookups on the primary key: inlined, the planners may prefer
            // walking the (tenant, collection, id) index for the GROUP BY, which reads the whole collection.
            var matches = $"WITH m AS MATERIALIZED (SELECT id, sort FROM record_index WHERE {Filter(string.Empty, keys)}) ";
            command.CommandText = count
                ? matches + "SELECT COUNT(DISTINCT id) FROM m"
                : matches + $"SELECT x.id, r.version, r.payload FROM (SELECT id, {(query.Descending ? "MAX" : "MIN")}(sort) AS sort FROM m GROUP BY id) x"
                    + $" CROSS JOIN records r WHERE r.tenant = @t AND r.collection = @c AND r.id = x.id ORDER BY x.sort {direction}, x.id {direction} LIMIT @limit OFFSET @offset";
        }

        if (!count)
        {
            command.With("@limit", query.Limit).With("@offset", query.Offset);
        }

        return command;
    }

    private static string Filter(string alias, StringBuilder keys) =>
        $"{alias}tenant = @t AND {alias}collection = @c AND {alias}name = @n AND {alias}{keys} AND {alias}sort >= @from AND {alias}sort <= @to";

    private static void AppendList(DbCommand command, StringBuilder text, string prefix, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            text.Append(i == 0 ? string.Empty : ", ").Append(name);
            command.With(name, values[i]);
        }
    }
}
