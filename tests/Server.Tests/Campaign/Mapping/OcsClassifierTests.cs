using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Mapping;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;

namespace JourneyGrpc.Server.Tests.Campaign.Mapping;

public sealed class OcsClassifierTests
{
    [Theory]
    [InlineData(7, CampaignEventKind.Loaded)]
    [InlineData(8, CampaignEventKind.Unloaded)]
    [InlineData(29, CampaignEventKind.Unloaded)]
    [InlineData(9, CampaignEventKind.Started)]
    [InlineData(10, CampaignEventKind.Stopped)]
    [InlineData(11, CampaignEventKind.DialModeChanged)]
    [InlineData(12, CampaignEventKind.Statistics)]
    [InlineData(24, CampaignEventKind.Statistics)]
    [InlineData(0, CampaignEventKind.Statistics)]
    [InlineData(-1, CampaignEventKind.Statistics)]
    [InlineData(null, CampaignEventKind.Statistics)]
    public void Kind_Action_MapsCmMessageType(int? action, CampaignEventKind expected)
    {
        Assert.Equal(expected, OcsClassifier.Kind(Notifications.Of(action)));
    }

    [Theory]
    [InlineData(0, CampaignGroupLifecycle.Unloaded)]
    [InlineData(1, CampaignGroupLifecycle.Loaded)]
    [InlineData(2, CampaignGroupLifecycle.Loaded)]
    [InlineData(3, CampaignGroupLifecycle.Loaded)]
    [InlineData(4, CampaignGroupLifecycle.Loaded)]
    [InlineData(5, CampaignGroupLifecycle.Running)]
    [InlineData(-1, CampaignGroupLifecycle.Unspecified)]
    [InlineData(6, CampaignGroupLifecycle.Unspecified)]
    [InlineData(null, CampaignGroupLifecycle.Unspecified)]
    public void ReportedLifecycle_GroupCampStatus_MapsToLifecycle(int? state, CampaignGroupLifecycle expected)
    {
        var notification = Notifications.Of(null);
        notification.ClearGswCampaignGroupState();
        if (state is { } s)
        {
            notification.GswCampaignGroupState = s;
        }

        Assert.Equal(expected, OcsClassifier.ReportedLifecycle(notification));
    }
}
