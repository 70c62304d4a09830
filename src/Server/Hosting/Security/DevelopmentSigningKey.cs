using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Development mode's signing key: random per process, so the printed test token works against this
/// process only and for <see cref="Lifetime"/>.
/// </summary>
internal sealed class DevelopmentSigningKey(TimeProvider timeProvider)
{
    internal const string Issuer = "journeygrpc-development";
    internal const string Audience = "journeygrpc";
    internal static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    internal SymmetricSecurityKey Key { get; } = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "development" };

    /// <summary>A token for <paramref name="account"/> with <paramref name="roles"/>.</summary>
    internal string CreateToken(string roleClaim, string accountClaim, IEnumerable<string> roles, string account)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new("sub", "developer"), new(accountClaim, account) };
        claims.AddRange(roles.Select(role => new Claim(roleClaim, role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
