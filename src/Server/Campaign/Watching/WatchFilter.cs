using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Campaign.Watching;

/// <summary>Which groups and event kinds a watch wants; empty sets match everything.</summary>
internal sealed class WatchFilter
{
    private readonly HashSet<string> _names;
    private readonly HashSet<string> _guids;
    private readonly HashSet<string> _dbids;
    private readonly HashSet<CampaignEventKind> _kinds;
    private readonly bool _anyGroup;

    internal WatchFilter(WatchCampaignStatusRequest request)
    {
        _names = new HashSet<string>(request.CampaignGroupNames, StringComparer.Ordinal);
        _guids = new HashSet<string>(request.CampaignGroupGuids, StringComparer.Ordinal);
        _dbids = new HashSet<string>(request.CampaignGroupDbids, StringComparer.Ordinal);
        _kinds = [.. request.Kinds];
        _anyGroup = _names.Count == 0 && _guids.Count == 0 && _dbids.Count == 0;
    }

    /// <summary>True when every event matches (no group and no kind given).</summary>
    internal bool MatchesEverything => _anyGroup && _kinds.Count == 0;

    /// <summary>Whether the watch wants <paramref name="recorded"/>.</summary>
    internal bool Matches(CampaignStatusEvent recorded) =>
        (_kinds.Count == 0 || _kinds.Contains(recorded.Kind)) && MatchesGroup(
            recorded.Notification.GswCampaignGroupGuid, recorded.Notification.GswCampaignGroupName, recorded.Notification.GswCampaignGroupDbid);

    /// <summary>Whether the watch wants the group of <paramref name="state"/> (kinds do not apply to states).</summary>
    internal bool Matches(CampaignGroupState state) =>
        MatchesGroup(state.CampaignGroupGuid, state.CampaignGroupName, state.CampaignGroupDbid);

    private bool MatchesGroup(string guid, string name, string dbid) =>
        _anyGroup || _guids.Contains(guid) || _names.Contains(name) || _dbids.Contains(dbid);
}
