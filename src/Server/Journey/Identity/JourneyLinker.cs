using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Mapping;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Journey.Identity;

/// <summary>Create journey (link and merge) and unlink identifier.</summary>
internal sealed class JourneyLinker(IJourneyStore store, IdentityGraph identity, IdentifierTypeCatalog catalog, ConcurrencyRetry retry, ILogger<JourneyLinker> logger)
{
    /// <summary>Links every identifier into one journey, pulling in the journeys they already belong to.</summary>
    internal async Task CreateAsync(CreateJourneyRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.AccountId;
        await catalog.EnsureCollectedAsync(accountId, IdentifierMap.Names(request.Identifiers), cancellationToken).ConfigureAwait(false);
        var keys = IdentifierMap.ToKeys(request.Identifiers);
        await retry.RunAsync("CreateJourney", async () =>
        {
            var plan = await identity.PlanLinkAsync(accountId, keys, strict: true, cancellationToken).ConfigureAwait(false);
            var batch = new WriteBatch();
            plan.AddTo(batch);
            if (batch.Count > 0)
            {
                await store.WriteAsync(accountId, batch, cancellationToken).ConfigureAwait(false);
                if (plan.MergedGroups > 1)
                {
                    JourneyLog.JourneysMerged(logger, accountId, plan.MergedGroups);
                }
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Detaches the identifier from its journey and returns the journey's remaining identifiers. An
    /// identifier never collected is linked to nothing: the answer is the request's other identifiers.
    /// </summary>
    internal async Task<UnlinkIdentifierResponse> UnlinkAsync(UnlinkIdentifierRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.AccountId;
        var (name, value) = request.UnlinkIdentifier.Single();
        var key = new IdentifierKey(name, value);
        var remaining = await retry.RunAsync("UnlinkIdentifier", async () =>
        {
            var (plan, members, groupId) = await identity.PlanUnlinkAsync(accountId, key, cancellationToken).ConfigureAwait(false);
            var batch = new WriteBatch();
            plan.AddTo(batch);
            if (batch.Count > 0)
            {
                await store.WriteAsync(accountId, batch, cancellationToken).ConfigureAwait(false);
                JourneyLog.IdentifierUnlinked(logger, accountId, name, groupId ?? "-");
            }

            return members ?? [.. IdentifierMap.ToKeys(request.Identifiers).Where(k => k != key)];
        }).ConfigureAwait(false);
        var response = new UnlinkIdentifierResponse();
        response.Identifiers.Add(IdentifierMap.From(remaining));
        return response;
    }
}
