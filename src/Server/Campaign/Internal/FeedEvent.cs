using Google.Protobuf;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Campaign.Internal;

/// <summary>An event of the live window: parsed (for filters) and encoded once (for writing, see <see cref="EncodedEvents"/>).</summary>
internal readonly record struct FeedEvent(CampaignStatusEvent Event, UnknownFieldSet Encoded);
