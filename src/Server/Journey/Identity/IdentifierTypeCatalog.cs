using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Errors;
using JourneyGrpc.Server.Journey.Storage;
using JourneyGrpc.Server.Journey.Validation;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Journey.Identity;

/// <summary>
/// Which identifier names an account collects: the built-ins plus its identifier types. "Identifier
/// names that are not configured are not collected": a write carrying one is rejected with the
/// spec's update texts, so a client learns it instead of losing data silently.
/// </summary>
internal sealed class IdentifierTypeCatalog(IJourneyStore store)
{
    /// <summary>Throws INVALID_ARGUMENT unless every name is configured for the account.</summary>
    internal async Task EnsureCollectedAsync(string accountId, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var custom = names.Where(n => !BuiltInIdentifierTypes.IsBuiltIn(n)).Distinct(StringComparer.Ordinal).ToList();
        if (custom.Count == 0)
        {
            return;
        }

        var page = await store.FindAsync(
            accountId,
            new IndexQuery(JourneyCollections.IdentifierTypes, JourneyIndexes.IdentifierTypeName, custom) { Limit = custom.Count },
            cancellationToken).ConfigureAwait(false);
        var configured = page.Records.Select(r => r.Parse(IdentifierType.Parser).Name).ToHashSet(StringComparer.Ordinal);
        var unknown = custom.Where(n => !configured.Contains(n)).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        throw JourneyErrors.InvalidArgument(
            "identifiers",
            unknown.Count == names.Distinct(StringComparer.Ordinal).Count() ? ValidationMessages.NoValidIdentifiers : ValidationMessages.InvalidIdentifierTypes(unknown));
    }
}
