using System.Collections.Concurrent;

namespace JourneyGrpc.Store.Internal;

/// <summary>
/// Wake-ups for event-log waiters in this process, one pulse per log. A waiter takes the current
/// signal before it reads the log head, so a pulse between the read and the wait is never lost.
/// </summary>
internal sealed class EventSignals
{
    private readonly ConcurrentDictionary<(string Tenant, string Log), TaskCompletionSource> _signals = new();

    /// <summary>Completes at the next pulse of the log (or of all logs).</summary>
    internal Task Next(string tenant, string log) =>
        _signals.GetOrAdd((tenant, log), static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes every waiter of one log: it has new events.</summary>
    internal void Pulse(string tenant, string log)
    {
        if (_signals.TryRemove((tenant, log), out var signal))
        {
            signal.TrySetResult();
        }
    }

    /// <summary>Wakes every waiter, e.g. after a lost notification connection, when any log may have moved.</summary>
    internal void PulseAll()
    {
        foreach (var key in _signals.Keys)
        {
            Pulse(key.Tenant, key.Log);
        }
    }
}
