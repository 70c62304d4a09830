using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Mapping;

namespace JourneyGrpc.Server.Campaign.Watching;

/// <summary>
/// An event of the live window: parsed (for filters), and its watch response built once with the
/// event pre-encoded (see <see cref="EncodedEvents"/>); every watch writes that same response, which
/// writing only reads.
/// </summary>
internal readonly record struct FeedEvent(CampaignStatusEvent Event, WatchCampaignStatusResponse Response);
