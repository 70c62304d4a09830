namespace JourneyGrpc.Store.Internal;

/// <summary>
/// How a backend writes records and replaces their index entries. PostgreSQL finds a record's entries
/// through an index by record id; SQLite lists them on the record instead, because on SQLite every
/// b-tree page a write touches is copied whole into the WAL at commit, and that index put one more
/// page per inserted record into every group commit.
/// </summary>
internal sealed class RecordWriteSql
{
    /// <summary>Entries found through <c>record_index_by_record</c> (PostgreSQL).</summary>
    internal static readonly RecordWriteSql IndexedByRecord = new(
        listsEntries: false, StoreSql.InsertRecord, StoreSql.UpdateRecord, StoreSql.UpsertRecord, StoreSql.DeleteIndexEntries, StoreSql.DeleteIndexEntries);

    /// <summary>Entries listed on the record, column <c>entries</c> (SQLite schema 3).</summary>
    internal static readonly RecordWriteSql ListedOnRecord = new(
        listsEntries: true,
        StoreSql.InsertRecordListingEntries,
        StoreSql.UpdateRecordListingEntries,
        StoreSql.UpsertRecordListingEntries,
        StoreSql.DeleteListedIndexEntries,
        StoreSql.DeleteListedIndexEntriesAtVersion);

    private RecordWriteSql(bool listsEntries, string insert, string update, string upsert, string deleteEntries, string deleteEntriesAtVersion)
    {
        ListsEntries = listsEntries;
        Insert = insert;
        Update = update;
        Upsert = upsert;
        DeleteEntries = deleteEntries;
        DeleteEntriesAtVersion = deleteEntriesAtVersion;
    }

    /// <summary>
    /// True when the record statements take the entries as parameter <c>@e</c> and the old entries are
    /// deleted before the record changes (afterwards the record lists the new ones).
    /// </summary>
    internal bool ListsEntries { get; }

    internal string Insert { get; }

    internal string Update { get; }

    internal string Upsert { get; }

    /// <summary>Deletes the record's index entries.</summary>
    internal string DeleteEntries { get; }

    /// <summary>Deletes the record's index entries if it is at version <c>@v</c> (only when <see cref="ListsEntries"/>; otherwise the same as <see cref="DeleteEntries"/>).</summary>
    internal string DeleteEntriesAtVersion { get; }
}
