using Google.Protobuf.Collections;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.Identity;
using JourneyGrpc.Server.Journey.Mapping;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Journey.Engagements;

/// <summary>
/// Engagement writes. Each is one read-modify-write whose batch carries the engagement (with all of
/// its index entries) and the identity links of its identifiers, committed together and retried on
/// a conflict. An engagement's identifiers are evidence of one customer, so they are linked into
/// one journey (merging journeys that already hold them).
/// </summary>
internal sealed class EngagementWriter(
    IJourneyStore store,
    IdentityGraph identity,
    IdentifierTypeCatalog catalog,
    ConcurrencyRetry retry,
    ILogger<EngagementWriter> logger)
{
    /// <summary>
    /// Records an engagement. The id is the client's: repeating the call is idempotent, the first
    /// write stands and the call still succeeds (and finishes linking if an earlier try could not).
    /// </summary>
    internal async Task CreateAsync(CreateEngagementRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.AccountId;
        await catalog.EnsureCollectedAsync(accountId, IdentifierMap.Names(request.Identifiers), cancellationToken).ConfigureAwait(false);
        var engagement = NewEngagement(request);
        var keys = IdentifierMap.ToKeys(engagement.Identifiers);
        var repeated = false;
        await retry.RunAsync(
            "CreateEngagement",
            async () =>
            {
                if (!repeated)
                {
                    // The common case is a new id: insert without reading first (one read, the identity
                    // links, and one batch). The store's duplicate check is what tells a repeated create.
                    var plan = await identity.PlanLinkAsync(accountId, keys, strict: false, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await WriteAsync(accountId, CreateEngagementBatch.For(engagement, plan), plan, cancellationToken).ConfigureAwait(false);
                        return;
                    }
                    catch (StoreDuplicateException ex) when (ex.Collection == JourneyCollections.Engagements && ex.Index is null)
                    {
                        repeated = true;
                    }
                }

                // A repeat: the first write stands; only linking its identifiers may be left to finish.
                var existing = await store.GetAsync(accountId, JourneyCollections.Engagements, engagement.Id, cancellationToken).ConfigureAwait(false);
                var stored = existing?.Parse(Engagement.Parser) ?? engagement;
                var link = await identity.PlanLinkAsync(accountId, IdentifierMap.ToKeys(stored.Identifiers), strict: false, cancellationToken).ConfigureAwait(false);
                var batch = existing is null ? CreateEngagementBatch.For(engagement, link) : CreateEngagementBatch.LinkOnly(link);
                await WriteAsync(accountId, batch, link, cancellationToken).ConfigureAwait(false);
            },
            ex => ex.Collection is JourneyCollections.Engagements or JourneyCollections.IdentityLinks or JourneyCollections.IdentityGroups).ConfigureAwait(false);
    }

    /// <summary>Update: identifiers and conversations are added, data keys set (existing ones replaced), attributes replaced when given.</summary>
    internal async Task UpdateAsync(UpdateEngagementRequest request, CancellationToken cancellationToken)
    {
        await catalog.EnsureCollectedAsync(request.AccountId, IdentifierMap.Names(request.Identifiers), cancellationToken).ConfigureAwait(false);
        await MutateAsync("UpdateEngagement", request.AccountId, request.EngagementId, link: true, engagement =>
        {
            IdentifierMap.AddTo(engagement.Identifiers, IdentifierMap.ToKeys(request.Identifiers));
            AddDistinct(engagement.Conversations, request.Conversations);
            foreach (var (key, value) in request.Data)
            {
                engagement.Data[key] = value;
            }

            if (request.Attributes.Count > 0)
            {
                engagement.Attributes.Clear();
                engagement.Attributes.AddRange(request.Attributes.Distinct(StringComparer.Ordinal));
            }

            ParticipantRules.Touch(engagement, request.Timestamp);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Append identifiers: added to the engagement and linked into its journey.</summary>
    internal async Task AppendIdentifiersAsync(AppendIdentifiersRequest request, CancellationToken cancellationToken)
    {
        await catalog.EnsureCollectedAsync(request.AccountId, IdentifierMap.Names(request.Identifiers), cancellationToken).ConfigureAwait(false);
        await MutateAsync("AppendIdentifiers", request.AccountId, request.EngagementId, link: true, engagement =>
            IdentifierMap.AddTo(engagement.Identifiers, IdentifierMap.ToKeys(request.Identifiers)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds (or rejoins) a participant, or changes the state of a present one.</summary>
    internal Task AddParticipantAsync(AddParticipantRequest request, CancellationToken cancellationToken) =>
        MutateAsync("AddParticipant", request.AccountId, request.EngagementId, link: false, engagement => ParticipantRules.Add(engagement, request), cancellationToken);

    /// <summary>Marks a participant as having left; NOT_FOUND for an unknown participant.</summary>
    internal Task RemoveParticipantAsync(RemoveParticipantRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        MutateAsync("RemoveParticipant", request.AccountId, request.EngagementId, link: false, engagement =>
        {
            if (!ParticipantRules.Remove(engagement, request, now))
            {
                throw JourneyErrors.NotFound("Participant", request.ParticipantId);
            }
        }, cancellationToken);

    /// <summary>The engagement record a create stores (the request's id normalized, duplicates dropped).</summary>
    internal static Engagement NewEngagement(CreateEngagementRequest request)
    {
        var engagement = new Engagement
        {
            Id = EngagementIds.Normalize(request.Id),
            AccountId = request.AccountId,
            Status = EngagementStatus.Created,
            Direction = request.Direction == Direction.Unspecified ? Direction.Inbound : request.Direction,
            StartDate = request.StartDate,
            SourceType = request.SourceType,
            SourceAddress = request.SourceAddress,
        };
        IdentifierMap.AddTo(engagement.Identifiers, IdentifierMap.ToKeys(request.Identifiers));
        AddDistinct(engagement.Conversations, request.Conversations);
        engagement.Data.Add(request.Data);
        engagement.Attributes.AddRange(request.Attributes.Distinct(StringComparer.Ordinal));
        foreach (var channel in request.Channels)
        {
            ParticipantRules.AddChannel(engagement, channel.Id, channel.Type);
        }

        return engagement;
    }

    private static void AddDistinct(RepeatedField<string> target, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            if (!target.Contains(value))
            {
                target.Add(value);
            }
        }
    }

    private async Task MutateAsync(string operation, string accountId, string engagementId, bool link, Action<Engagement> mutate, CancellationToken cancellationToken)
    {
        var id = EngagementIds.Normalize(engagementId);
        await retry.RunAsync(operation, async () =>
        {
            var record = await store.GetAsync(accountId, JourneyCollections.Engagements, id, cancellationToken).ConfigureAwait(false)
                ?? throw JourneyErrors.NotFound("Engagement", id);
            var engagement = record.Parse(Engagement.Parser);
            mutate(engagement);
            EnsureReadLimits(engagement);
            var plan = link
                ? await identity.PlanLinkAsync(accountId, IdentifierMap.ToKeys(engagement.Identifiers), strict: false, cancellationToken).ConfigureAwait(false)
                : LinkPlan.None;
            var batch = new WriteBatch().Update(JourneyCollections.Engagements, id, record.Version, engagement, EngagementIndexer.For(engagement));
            plan.AddTo(batch);
            await WriteAsync(accountId, batch, plan, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>What an engagement may hold in all (the response schema's limits), after adding to it.</summary>
    private static void EnsureReadLimits(Engagement engagement)
    {
        var violations = new Violations();
        if (engagement.Identifiers.Count > FieldRules.MaxIdentifierNames)
        {
            violations.Add("identifiers", ValidationMessages.Size(1, FieldRules.MaxIdentifierNames));
        }

        foreach (var (name, list) in engagement.Identifiers.Where(e => e.Value.Values.Count > FieldRules.MaxIdentifierValues))
        {
            violations.Add($"identifiers.{name}", ValidationMessages.Size(0, FieldRules.MaxIdentifierValues));
        }

        if (engagement.Conversations.Count > 50)
        {
            violations.Add("conversations", ValidationMessages.Size(0, 50));
        }

        if (engagement.Data.Count > 50)
        {
            violations.Add("data", ValidationMessages.Size(0, 50));
        }

        if (engagement.Participants.Count > 50)
        {
            violations.Add("participantId", ValidationMessages.Size(0, 50));
        }

        violations.ThrowIfAny();
    }

    private async Task WriteAsync(string accountId, WriteBatch batch, LinkPlan plan, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await store.WriteAsync(accountId, batch, cancellationToken).ConfigureAwait(false);
        if (plan.MergedGroups > 1)
        {
            JourneyLog.JourneysMerged(logger, accountId, plan.MergedGroups);
        }
    }
}
