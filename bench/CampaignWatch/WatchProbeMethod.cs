using Google.Protobuf;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary><c>WatchCampaignStatus</c> with responses read as <see cref="WatchProbe"/>s (same method on the wire).</summary>
internal static class WatchProbeMethod
{
    internal static readonly Method<WatchCampaignStatusRequest, WatchProbe> Watch = new(
        MethodType.ServerStreaming,
        CampaignStatusService.Descriptor.FullName,
        nameof(CampaignStatusService.CampaignStatusServiceClient.WatchCampaignStatus),
        Marshallers.Create(static request => request.ToByteArray(), WatchCampaignStatusRequest.Parser.ParseFrom),

        // Read from the received buffers in place: one probe per delivery, with no copy of the message.
        new Marshaller<WatchProbe>(
            static (_, _) => throw new NotSupportedException("a probe is only read"),
            static context => WatchProbe.Read(context.PayloadAsReadOnlySequence())));
}
