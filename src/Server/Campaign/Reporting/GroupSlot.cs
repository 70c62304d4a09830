using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Campaign.Reporting;

/// <summary>A group's state as the writer last read or wrote it, with the record version to write over (0: no record yet).</summary>
internal sealed record GroupSlot(long Version, CampaignGroupState? State);
