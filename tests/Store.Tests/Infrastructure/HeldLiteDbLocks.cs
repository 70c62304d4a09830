using JourneyGrpc.Store.Internal.LiteDb;
using LiteDB.Engine;

namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>
/// A LiteDB transaction on a thread of its own that holds the write lock of every collection the store
/// writes until disposed (rolled back), so batches queue up behind the writer. A write lock is taken by a
/// delete of an id that does not exist: it changes nothing.
/// </summary>
internal sealed class HeldLiteDbLocks : IAsyncDisposable
{
    private static readonly string[] Collections = [LiteDbSchema.Records, LiteDbSchema.Entries, LiteDbSchema.UniqueKeys, LiteDbSchema.Events, LiteDbSchema.EventHeads];
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _release = new();
    private readonly Thread _thread;

    private HeldLiteDbLocks(LiteEngine engine)
    {
        _thread = new Thread(() => Hold(engine)) { IsBackground = true, Name = "held LiteDB locks" };
    }

    internal static async Task<IAsyncDisposable> HoldAsync(JourneyStore store)
    {
        var held = new HeldLiteDbLocks(((LiteDbEngine)store.Engine).Files().Engine);
        held._thread.Start();
        await held._held.Task.DefaultTimeout();
        return held;
    }

    public async ValueTask DisposeAsync()
    {
        _release.Set();
        await _released.Task.DefaultTimeout();
        _release.Dispose();
    }

    private void Hold(LiteEngine engine)
    {
        try
        {
            engine.BeginTrans();
            foreach (var collection in Collections)
            {
                engine.Delete(collection, ["held"]);
            }

            _held.SetResult();
            _release.Wait();
            engine.Rollback();
            _released.SetResult();
        }
        catch (Exception ex)
        {
            _held.TrySetException(ex);
            _released.TrySetException(ex);
        }
    }
}
