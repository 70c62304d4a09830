using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Rpc;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary><c>WatchCampaignStatus</c> with responses read as <see cref="WatchProbe"/>s (same method on the wire).</summary>
internal static class WatchProbeMethod
{
    internal static readonly Method<WatchCampaignStatusRequest, WatchProbe> Watch = new(
        MethodType.ServerStreaming,
        CampaignStatusService.Descriptor.FullName,
        nameof(CampaignStatusService.CampaignStatusServiceClient.WatchCampaignStatus),
        Marshallers.ForMessage(WatchCampaignStatusRequest.Parser),
        new Marshaller<WatchProbe>(
            static _ => throw new NotSupportedException("a probe is only read"),
            static (_, _) => throw new NotSupportedException("a probe is only read"),
            WatchProbe.Read));
}
