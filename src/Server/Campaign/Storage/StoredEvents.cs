using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Campaign.Storage;

/// <summary>Reads campaign-status events from the log.</summary>
internal static class StoredEvents
{
    /// <summary>The event, with the sequence the log gave it.</summary>
    internal static CampaignStatusEvent Parse(StoredEvent stored)
    {
        var recorded = stored.Parse(CampaignStatusEvent.Parser);
        recorded.Sequence = stored.Sequence;
        return recorded;
    }
}
