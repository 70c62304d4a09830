using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// A JWT handler that remembers tokens it has validated, so a client sending the same token on every call
/// pays for parsing and signature checking once, not per call. An entry lasts until the token expires or
/// for <see cref="MaxAge"/>, whichever comes first (so a signing key withdrawn from the authority's metadata
/// stops being honoured within that time); each call gets its own copy of the identity. The cache is bounded:
/// past <see cref="MaxEntries"/> it starts again empty.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider timeProvider) : JsonWebTokenHandler
{
    internal const int MaxEntries = 10_000;
    internal static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal int Count => _entries.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(token, out var cached))
        {
            if (cached.Until > now)
            {
                return new TokenValidationResult { IsValid = true, ClaimsIdentity = cached.Identity.Clone(), SecurityToken = cached.Token, Issuer = cached.Token.Issuer };
            }

            _entries.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result is { IsValid: true, SecurityToken: JsonWebToken validated, ClaimsIdentity: { } identity })
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            var until = validated.ValidTo == DateTime.MinValue ? now + MaxAge : Min(validated.ValidTo, now + MaxAge);
            _entries[token] = new Entry(identity.Clone(), validated, until);
        }

        return result;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record Entry(ClaimsIdentity Identity, JsonWebToken Token, DateTime Until);
}
