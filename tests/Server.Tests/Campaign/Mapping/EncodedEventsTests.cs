using Google.Protobuf;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Mapping;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Tests.Campaign.Mapping;

public sealed class EncodedEventsTests
{
    [Fact]
    public void Response_EncodedEvent_SameBytesAsEventField()
    {
        var recorded = new CampaignStatusEvent { Sequence = 300, Tenant = "Environment", Kind = CampaignEventKind.Statistics, Notification = Notifications.Statistics() };
        var stored = new StoredEvent(300, DateTimeOffset.UnixEpoch, recorded.ToByteArray());

        var encoded = EncodedEvents.Response(300, EncodedEvents.Encode(stored));

        Assert.Equal(new WatchCampaignStatusResponse { ResumeAfterSequence = 300, Event = recorded }.ToByteArray(), encoded.ToByteArray());
        Assert.Equal(recorded, WatchCampaignStatusResponse.Parser.ParseFrom(encoded.ToByteArray()).Event);
    }

    [Fact]
    public void Response_SharedEncoding_EachResponseWritesIt()
    {
        var stored = new StoredEvent(7, DateTimeOffset.UnixEpoch, new CampaignStatusEvent { Sequence = 7, Notification = Notifications.Of(7) }.ToByteArray());
        var shared = EncodedEvents.Encode(stored);

        var first = EncodedEvents.Response(7, shared).ToByteArray();
        var second = EncodedEvents.Response(7, shared).ToByteArray();

        Assert.Equal(first, second);
    }
}
