using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Identity;

/// <summary>The identity-graph writes that link some identifiers, added to the caller's batch so they commit with it.</summary>
internal sealed class LinkPlan
{
    private readonly Action<WriteBatch>? _apply;

    private LinkPlan(Action<WriteBatch>? apply, int mergedGroups)
    {
        _apply = apply;
        MergedGroups = mergedGroups;
    }

    /// <summary>Nothing to write: the identifiers are linked already.</summary>
    internal static LinkPlan None { get; } = new(null, 0);

    /// <summary>How many existing journeys the plan merges into one.</summary>
    internal int MergedGroups { get; }

    internal static LinkPlan Of(Action<WriteBatch> apply, int mergedGroups) => new(apply, mergedGroups);

    internal void AddTo(WriteBatch batch) => _apply?.Invoke(batch);
}
