using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>
/// One all-or-nothing write of a deployment's web actions: each change updates (or inserts) the action
/// and appends its <see cref="WebActionEvent"/> to the deployment's log in the same batch, so the log
/// holds exactly the changes that were acknowledged.
/// </summary>
internal sealed class WebActionChanges(bool strict, DateTimeOffset now)
{
    private readonly WriteBatch _batch = new();
    private readonly List<WebAction> _changed = [];

    internal Timestamp Now { get; } = Timestamp.FromDateTimeOffset(now);

    internal IReadOnlyList<WebAction> Changed => _changed;

    /// <summary>Adds a new action, already in its first state (its history holds that state).</summary>
    internal void Insert(WebAction action)
    {
        _batch.Insert(EngagementStoreNames.Actions, action.Id, action, WebActionIndexes.For(action, strict));
        Append(WebActionState.Unspecified, action);
    }

    /// <summary>Moves a stored action to <paramref name="state"/>; <paramref name="edit"/> sets whatever else changes with it.</summary>
    internal WebAction Move(StoredAction stored, WebActionState state, Action<WebAction>? edit = null)
    {
        var action = stored.Action.Clone();
        var previous = action.State;
        action.State = state;
        action.UpdateTime = Now;
        action.History.Add(new WebActionStateChange { State = state, Time = Now });
        edit?.Invoke(action);
        _batch.Update(EngagementStoreNames.Actions, action.Id, stored.Version, action, WebActionIndexes.For(action, strict));
        Append(previous, action);
        return action;
    }

    internal Task WriteAsync(IJourneyStore store, string tenant, CancellationToken cancellationToken) =>
        _batch.Count == 0 ? Task.CompletedTask : store.WriteAsync(tenant, _batch, cancellationToken);

    private void Append(WebActionState previous, WebAction action)
    {
        _batch.Append(EngagementStoreNames.Log, new WebActionEvent { Time = Now, PreviousState = previous, Action = action });
        _changed.Add(action);
    }
}
