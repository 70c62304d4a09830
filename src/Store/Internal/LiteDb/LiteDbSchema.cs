using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// The LiteDB layout, forward-only like the SQL schemas. The version is the file's <c>USER_VERSION</c>
/// pragma; <c>schema_migrations</c> keeps the history. LiteDB refuses to set a pragma inside a
/// transaction, so each step commits (with its history entry, an upsert) and then sets the version:
/// steps are idempotent, and a crash between the two only repeats the step. Every lookup is by
/// <c>_id</c> (see <see cref="LiteDbKeys"/>), so version 1 creates no secondary index.
/// </summary>
internal static class LiteDbSchema
{
    internal const string Records = "records";
    internal const string Entries = "index_entries";
    internal const string UniqueKeys = "unique_keys";
    internal const string Events = "events";
    internal const string EventHeads = "event_heads";
    internal const string History = "schema_migrations";
    private const string UserVersion = "USER_VERSION";

    /// <summary>Versions and names; a later step adds code here, never edits a released one.</summary>
    internal static IReadOnlyList<(int Version, string Name)> Migrations { get; } =
    [
        (1, "records (payload, version, listed index entries), index entries and unique keys by computed _id, event logs and their heads"),
    ];

    /// <summary>Brings the file to <paramref name="targetVersion"/> (default: newest) in one transaction on the calling thread; returns the version.</summary>
    internal static int Migrate(LiteEngine engine, string store, int? targetVersion, TimeProvider timeProvider, ILogger logger)
    {
        var newest = Migrations[^1].Version;
        var target = targetVersion ?? newest;
        var current = engine.Pragma(UserVersion).AsInt32;
        if (current > newest)
        {
            throw new StoreFailureException(
                StoreFailure.SchemaTooNew,
                $"The {store} has schema version {current}, but this server knows versions up to {newest}: it was written by a newer server. "
                + "Run that version (migrations only go forward) or restore a backup made by this one.");
        }

        foreach (var migration in Migrations.Where(m => m.Version > current && m.Version <= target))
        {
            engine.BeginTrans();
            try
            {
                engine.Upsert(History, [new BsonDocument { ["_id"] = migration.Version, ["name"] = migration.Name, ["applied_at"] = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() }], BsonAutoId.Int32);
                engine.Commit();
            }
            catch
            {
                engine.Rollback();
                throw;
            }

            engine.Pragma(UserVersion, migration.Version);
            current = migration.Version;
            StoreLog.MigrationApplied(logger, migration.Version, migration.Name, store);
        }

        return current;
    }
}
