using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.IdentifierTypes;

/// <summary>
/// Identifier type administration. Names are unique per account (a unique index, so two racing
/// creates cannot both win); an account has at most <see cref="MaxPerAccount"/> types. Deleting a type
/// stops its name being collected; journeys and engagements holding it are left as they are.
/// </summary>
internal sealed class IdentifierTypeService(IJourneyStore store, ConcurrencyRetry retry, TimeProvider timeProvider)
{
    internal const int MaxPerAccount = 1000;

    internal async Task<IdentifierType> CreateAsync(CreateIdentifierTypeRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.AccountId;
        var existing = await store.FindAsync(accountId, AllQuery(1), cancellationToken).ConfigureAwait(false);
        if (existing.Total >= MaxPerAccount)
        {
            throw JourneyErrors.IdentifierTypeLimit(accountId, MaxPerAccount);
        }

        // UUID v7: the id order is the creation order, which is the list order.
        var id = Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString();
        var type = Build(accountId, id, request.Name, request.DisplayName, request.IdentifierStrength);
        try
        {
            await store.WriteAsync(accountId, new WriteBatch().Insert(JourneyCollections.IdentifierTypes, id, type, Indexes(type)), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreDuplicateException ex) when (ex.Index == JourneyIndexes.IdentifierTypeName)
        {
            throw JourneyErrors.InvalidArgument("name", ValidationMessages.DuplicateIdentifierType(request.Name, accountId));
        }

        return type;
    }

    internal async Task<IReadOnlyList<IdentifierType>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        var page = await store.FindAsync(accountId, AllQuery(MaxPerAccount), cancellationToken).ConfigureAwait(false);
        return [.. page.Records.Select(r => r.Parse(IdentifierType.Parser))];
    }

    internal async Task<IdentifierType> GetAsync(string accountId, string identifierId, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(accountId, JourneyCollections.IdentifierTypes, Normalize(identifierId), cancellationToken).ConfigureAwait(false)
            ?? throw JourneyErrors.NotFound("IdentifierType", identifierId);
        return record.Parse(IdentifierType.Parser);
    }

    internal Task<IdentifierType> UpdateAsync(UpdateIdentifierTypeRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.AccountId;
        var id = Normalize(request.IdentifierId);
        return retry.RunAsync("UpdateIdentifierType", async () =>
        {
            var record = await store.GetAsync(accountId, JourneyCollections.IdentifierTypes, id, cancellationToken).ConfigureAwait(false)
                ?? throw JourneyErrors.NotFound("IdentifierType", id);
            var type = Build(accountId, id, request.Name, request.DisplayName, request.IdentifierStrength);
            try
            {
                await store.WriteAsync(accountId, new WriteBatch().Update(JourneyCollections.IdentifierTypes, id, record.Version, type, Indexes(type)), cancellationToken).ConfigureAwait(false);
            }
            catch (StoreDuplicateException ex) when (ex.Index == JourneyIndexes.IdentifierTypeName)
            {
                throw JourneyErrors.InvalidArgument("name", ValidationMessages.DuplicateIdentifierType(request.Name, accountId));
            }

            return type;
        });
    }

    /// <summary>
    /// Deletes the types named by id or by name (the spec describes names, its examples send ids:
    /// section 6 #12, so both work). NOT_FOUND when none of them exists; the others are deleted.
    /// </summary>
    internal Task DeleteAsync(DeleteIdentifierTypesRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.AccountId;
        var ids = request.IdentifierIds.Where(FieldRules.IsUuid).Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
        var names = request.IdentifierIds.Where(i => !FieldRules.IsUuid(i)).Distinct(StringComparer.Ordinal).ToList();
        return retry.RunAsync("DeleteIdentifierTypes", async () =>
        {
            var records = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
            if (ids.Count > 0)
            {
                foreach (var record in await store.GetManyAsync(accountId, JourneyCollections.IdentifierTypes, ids, cancellationToken).ConfigureAwait(false))
                {
                    records[record.Id] = record;
                }
            }

            if (names.Count > 0)
            {
                var byName = await store.FindAsync(
                    accountId,
                    new IndexQuery(JourneyCollections.IdentifierTypes, JourneyIndexes.IdentifierTypeName, names) { Limit = names.Count },
                    cancellationToken).ConfigureAwait(false);
                foreach (var record in byName.Records)
                {
                    records[record.Id] = record;
                }
            }

            if (records.Count == 0)
            {
                throw JourneyErrors.NotFound("IdentifierType", string.Join(",", request.IdentifierIds));
            }

            var batch = new WriteBatch();
            foreach (var record in records.Values)
            {
                batch.Delete(JourneyCollections.IdentifierTypes, record.Id, record.Version);
            }

            await store.WriteAsync(accountId, batch, cancellationToken).ConfigureAwait(false);
        });
    }

    private static IdentifierType Build(string accountId, string id, string name, string displayName, IdentifierStrength strength) => new()
    {
        IdentifierId = id,
        Name = name,
        DisplayName = displayName,
        IdentifierStrength = strength,
        Url = $"/api/journey/v1/accounts/{accountId}/identifiers/{id}",
    };

    private static IndexEntry[] Indexes(IdentifierType type) =>
        [IndexEntry.Unique(JourneyIndexes.IdentifierTypeName, type.Name), new IndexEntry(JourneyIndexes.IdentifierTypeAll, JourneyIndexes.AllKey)];

    private static IndexQuery AllQuery(int limit) =>
        new(JourneyCollections.IdentifierTypes, JourneyIndexes.IdentifierTypeAll, JourneyIndexes.AllKey) { Descending = false, Limit = limit };

    private static string Normalize(string id) => id.ToLowerInvariant();
}
