using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// The open database: the data file and its log (<c>name-log.ext</c>, LiteDB's own naming, so the pair
/// opens in any LiteDB tool), both as <see cref="SyncedFileStream"/>s, and the engine over them. Strings
/// compare ordinally (LiteDB's default collation ignores case), as SQLite and PostgreSQL ("C") do.
/// </summary>
internal sealed class LiteDbFiles : IDisposable
{
    private LiteDbFiles(SyncedFileStream data, SyncedFileStream log, LiteEngine engine)
    {
        Data = data;
        Log = log;
        Engine = engine;
    }

    internal SyncedFileStream Data { get; }

    internal SyncedFileStream Log { get; }

    internal LiteEngine Engine { get; }

    /// <summary>The log file beside <paramref name="dataPath"/>, named as LiteDB names it.</summary>
    internal static string LogPath(string dataPath) =>
        Path.Combine(Path.GetDirectoryName(dataPath)!, Path.GetFileNameWithoutExtension(dataPath) + "-log" + Path.GetExtension(dataPath));

    /// <summary>Opens (creating if needed) the database at <paramref name="dataPath"/>; a log left by a crash is replayed into the data file first.</summary>
    internal static LiteDbFiles Open(string dataPath, long? maxLogBytes)
    {
        SyncedFileStream? data = null;
        SyncedFileStream? log = null;
        try
        {
            data = new SyncedFileStream(OpenExclusive(dataPath));
            log = new SyncedFileStream(OpenExclusive(LogPath(dataPath)), maxLogBytes);
            var engine = new LiteEngine(new EngineSettings
            {
                DataStream = data,
                LogStream = log,
                Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
            });
            try
            {
                // Committed transactions in the log go to the data file (synced), and the log starts empty.
                engine.Checkpoint();
            }
            catch
            {
                engine.Dispose();
                throw;
            }

            return new LiteDbFiles(data, log, engine);
        }
        catch
        {
            log?.Dispose();
            data?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Engine.Dispose();
        }
        finally
        {
            LiteDbAbandonedTransactions.SuppressFinalizers(Engine);
            Log.Dispose();
            Data.Dispose();
        }
    }

    private static FileStream OpenExclusive(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.RandomAccess);
}
