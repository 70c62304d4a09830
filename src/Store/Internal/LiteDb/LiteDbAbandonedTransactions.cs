using System.Collections;
using System.Reflection;
using LiteDB.Engine;

namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// After an I/O error in a commit (a full disk), LiteDB 5.0.21 closes its engine, and disposing the
/// failed transaction can fail half-way on an internal check ("discarded page must be writable"). The
/// transaction is then left active, and its finalizer runs the same disposal again on the finalizer
/// thread, where the exception ends the process. Once the engine is closed nothing of a transaction
/// matters any more, so their finalizers are suppressed. Private fields of the pinned version, read by
/// reflection; if they are not found (another LiteDB version) this does nothing.
/// </summary>
internal static class LiteDbAbandonedTransactions
{
    private static readonly FieldInfo? Monitor = typeof(LiteEngine).GetField("_monitor", BindingFlags.Instance | BindingFlags.NonPublic);

    internal static void SuppressFinalizers(LiteEngine engine)
    {
        var monitor = Monitor?.GetValue(engine);
        if (monitor?.GetType().GetField("_transactions", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(monitor) is not IDictionary transactions)
        {
            return;
        }

        lock (transactions)
        {
            foreach (var transaction in transactions.Values)
            {
                GC.SuppressFinalize(transaction!);
            }
        }
    }
}
