using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Identity;

/// <summary>
/// Journeys as identity groups. Every identifier ever collected has a link record (token → group);
/// a group record lists its members. Linking merges the groups the identifiers belong to into the
/// largest one, in one batch with expected versions (the caller retries on a conflict). Unlinking
/// moves one identifier into a group of its own: it stays known and searchable, and its engagements
/// keep it. Deleting an identifier type touches none of this.
/// </summary>
internal sealed class IdentityGraph(IJourneyStore store)
{
    /// <summary>The most identifiers one journey links (a search looks up every member in one index query).</summary>
    internal const int MaxMembers = 100;

    /// <summary>The journey of <paramref name="keys"/>: the union of their groups' members.</summary>
    internal async Task<JourneyResolution> ResolveAsync(string accountId, IReadOnlyList<IdentifierKey> keys, CancellationToken cancellationToken)
    {
        var links = await ReadLinksAsync(accountId, keys.Select(k => k.Token), cancellationToken).ConfigureAwait(false);
        var groups = await ReadGroupsAsync(accountId, links.Values.Select(l => l.Link.GroupId), cancellationToken).ConfigureAwait(false);
        var members = new List<IdentifierKey>();
        var seen = new HashSet<IdentifierKey>();
        foreach (var member in groups.SelectMany(g => g.Group.Members).Select(IdentifierKey.From).Concat(keys))
        {
            if (seen.Add(member))
            {
                members.Add(member);
            }
        }

        return new JourneyResolution(links.Count > 0, members);
    }

    /// <summary>
    /// Plans linking <paramref name="keys"/> into one journey. When the result would exceed
    /// <see cref="MaxMembers"/>, <paramref name="strict"/> fails with FAILED_PRECONDITION; otherwise only
    /// the identifiers not yet collected are linked (together), so nothing is left unknown.
    /// </summary>
    internal async Task<LinkPlan> PlanLinkAsync(string accountId, IReadOnlyList<IdentifierKey> keys, bool strict, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return LinkPlan.None;
        }

        var links = await ReadLinksAsync(accountId, distinct.Select(k => k.Token), cancellationToken).ConfigureAwait(false);
        var groups = await ReadGroupsAsync(accountId, links.Values.Select(l => l.Link.GroupId), cancellationToken).ConfigureAwait(false);
        var groupIds = groups.Select(g => g.Record.Id).ToHashSet(StringComparer.Ordinal);
        var unlinked = distinct.Where(k => !links.TryGetValue(k.Token, out var l) || !groupIds.Contains(l.Link.GroupId)).ToList();
        if (groups.Count <= 1 && unlinked.Count == 0)
        {
            return LinkPlan.None;
        }

        var ordered = groups.OrderByDescending(g => g.Group.Members.Count).ThenBy(g => g.Record.Id, StringComparer.Ordinal).ToList();
        var members = Union(ordered.SelectMany(g => g.Group.Members).Select(IdentifierKey.From).Concat(unlinked));
        if (members.Count > MaxMembers)
        {
            if (strict)
            {
                throw JourneyErrors.JourneyTooLarge(members.Count, MaxMembers);
            }

            return unlinked.Count == 0 ? LinkPlan.None : PlanNewGroup(unlinked, links);
        }

        var target = ordered.FirstOrDefault();
        var merged = ordered.Skip(1).ToList();

        // Members of the groups merged away point elsewhere: their link records are re-pointed too.
        var moving = merged.SelectMany(g => g.Group.Members).Select(IdentifierKey.From).Where(k => !links.ContainsKey(k.Token)).ToList();
        var movingLinks = await ReadLinksAsync(accountId, moving.Select(k => k.Token), cancellationToken).ConfigureAwait(false);
        var groupId = target?.Record.Id ?? NewGroupId();
        var group = new IdentityGroup();
        group.Members.AddRange(members.Select(m => m.ToRef()));
        return LinkPlan.Of(
            batch =>
            {
                if (target is null)
                {
                    batch.Insert(JourneyCollections.IdentityGroups, groupId, group);
                }
                else
                {
                    batch.Update(JourneyCollections.IdentityGroups, groupId, target.Record.Version, group);
                }

                foreach (var away in merged)
                {
                    batch.Delete(JourneyCollections.IdentityGroups, away.Record.Id, away.Record.Version);
                }

                foreach (var (token, link) in links.Concat(movingLinks))
                {
                    if (link.Link.GroupId != groupId)
                    {
                        batch.Update(JourneyCollections.IdentityLinks, token, link.Record.Version, new IdentifierLink { Identifier = link.Link.Identifier, GroupId = groupId });
                    }
                }

                foreach (var key in unlinked.Where(k => !links.ContainsKey(k.Token)))
                {
                    batch.Insert(JourneyCollections.IdentityLinks, key.Token, new IdentifierLink { Identifier = key.ToRef(), GroupId = groupId });
                }
            },
            groups.Count);
    }

    /// <summary>
    /// Plans moving <paramref name="key"/> out of its journey into a group of its own. Returns the
    /// journey's remaining members, or null when the identifier was never collected.
    /// </summary>
    internal async Task<(LinkPlan Plan, IReadOnlyList<IdentifierKey>? Remaining, string? GroupId)> PlanUnlinkAsync(string accountId, IdentifierKey key, CancellationToken cancellationToken)
    {
        var links = await ReadLinksAsync(accountId, [key.Token], cancellationToken).ConfigureAwait(false);
        if (!links.TryGetValue(key.Token, out var link))
        {
            return (LinkPlan.None, null, null);
        }

        var groups = await ReadGroupsAsync(accountId, [link.Link.GroupId], cancellationToken).ConfigureAwait(false);
        var current = groups.SingleOrDefault();
        var remaining = current is null ? [] : Union(current.Group.Members.Select(IdentifierKey.From).Where(m => m != key));
        if (current is not null && remaining.Count == current.Group.Members.Count - 1 && remaining.Count == 0)
        {
            return (LinkPlan.None, remaining, current.Record.Id);
        }

        var ownGroupId = NewGroupId();
        var own = new IdentityGroup { Members = { key.ToRef() } };
        var rest = new IdentityGroup();
        rest.Members.AddRange(remaining.Select(m => m.ToRef()));
        return (
            LinkPlan.Of(
                batch =>
                {
                    if (current is not null)
                    {
                        batch.Update(JourneyCollections.IdentityGroups, current.Record.Id, current.Record.Version, rest);
                    }

                    batch.Insert(JourneyCollections.IdentityGroups, ownGroupId, own);
                    batch.Update(JourneyCollections.IdentityLinks, key.Token, link.Record.Version, new IdentifierLink { Identifier = key.ToRef(), GroupId = ownGroupId });
                },
                0),
            remaining,
            current?.Record.Id);
    }

    /// <summary>Links identifiers none of which is collected yet into a new journey of their own.</summary>
    internal static LinkPlan PlanNewJourney(IReadOnlyList<IdentifierKey> keys) => PlanNewGroup(keys, new Dictionary<string, LinkRecord>(StringComparer.Ordinal));

    private static LinkPlan PlanNewGroup(IReadOnlyList<IdentifierKey> unlinked, IReadOnlyDictionary<string, LinkRecord> links)
    {
        var groupId = NewGroupId();
        var group = new IdentityGroup();
        group.Members.AddRange(unlinked.Select(m => m.ToRef()));
        return LinkPlan.Of(
            batch =>
            {
                batch.Insert(JourneyCollections.IdentityGroups, groupId, group);
                foreach (var key in unlinked)
                {
                    var link = new IdentifierLink { Identifier = key.ToRef(), GroupId = groupId };
                    if (links.TryGetValue(key.Token, out var dangling))
                    {
                        batch.Update(JourneyCollections.IdentityLinks, key.Token, dangling.Record.Version, link);
                    }
                    else
                    {
                        batch.Insert(JourneyCollections.IdentityLinks, key.Token, link);
                    }
                }
            },
            0);
    }

    private static List<IdentifierKey> Union(IEnumerable<IdentifierKey> keys)
    {
        var seen = new HashSet<IdentifierKey>();
        return [.. keys.Where(seen.Add)];
    }

    private static string NewGroupId() => Guid.CreateVersion7().ToString("N");

    private async Task<Dictionary<string, LinkRecord>> ReadLinksAsync(string accountId, IEnumerable<string> tokens, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, LinkRecord>(StringComparer.Ordinal);
        foreach (var chunk in tokens.Distinct(StringComparer.Ordinal).Chunk(1000))
        {
            foreach (var record in await store.GetManyAsync(accountId, JourneyCollections.IdentityLinks, chunk, cancellationToken).ConfigureAwait(false))
            {
                result[record.Id] = new LinkRecord(record, record.Parse(IdentifierLink.Parser));
            }
        }

        return result;
    }

    private async Task<List<GroupRecord>> ReadGroupsAsync(string accountId, IEnumerable<string> groupIds, CancellationToken cancellationToken)
    {
        var ids = groupIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var records = await store.GetManyAsync(accountId, JourneyCollections.IdentityGroups, ids, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => new GroupRecord(r, r.Parse(IdentityGroup.Parser)))];
    }

    private sealed record LinkRecord(StoredRecord Record, IdentifierLink Link);

    private sealed record GroupRecord(StoredRecord Record, IdentityGroup Group);
}
