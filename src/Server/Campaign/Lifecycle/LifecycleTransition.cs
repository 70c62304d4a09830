using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Campaign.Lifecycle;

/// <summary>What one event does to its group: the state after it, how it fits the lifecycle, and why it was flagged.</summary>
internal readonly record struct LifecycleTransition(CampaignGroupLifecycle To, TransitionCheck Check, string Note)
{
    /// <summary>IMPOSSIBLE and OUT_OF_ORDER events are flagged (and kept).</summary>
    internal bool IsFlagged => Check is TransitionCheck.Impossible or TransitionCheck.OutOfOrder;
}
