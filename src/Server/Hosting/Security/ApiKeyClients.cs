using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>The configured <c>appkey</c> clients, by the hex SHA-256 of their key; built once at start-up.</summary>
internal sealed class ApiKeyClients
{
    private readonly FrozenDictionary<string, (string Name, ApiKeyClientOptions Client)> _byHash;

    public ApiKeyClients(IOptions<AuthOptions> options)
    {
        var value = options.Value;
        RoleClaim = value.RoleClaim;
        AccountClaim = value.AccountClaim;
        _byHash = value.ApiKeys.ToFrozenDictionary(
            pair => pair.Value.Hash.ToLower(CultureInfo.InvariantCulture),
            pair => (pair.Key, pair.Value),
            StringComparer.Ordinal);
    }

    internal string RoleClaim { get; }

    internal string AccountClaim { get; }

    internal bool TryFind(string hash, [NotNullWhen(true)] out string? name, [NotNullWhen(true)] out ApiKeyClientOptions? client)
    {
        if (_byHash.TryGetValue(hash, out var found))
        {
            (name, client) = found;
            return true;
        }

        (name, client) = (null, null);
        return false;
    }
}
