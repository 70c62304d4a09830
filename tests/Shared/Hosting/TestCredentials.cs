using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyGrpc.Tests.Hosting;

/// <summary>A JWT signing key and an appkey client configured on a test server, and tokens made with them.</summary>
internal sealed class TestCredentials
{
    internal const string Issuer = "https://idp.example.test/";
    internal const string Audience = "journeygrpc";
    internal const string ApiKey = "ocs-appkey-0123456789";
    internal const string ApiKeyAccount = "Environment";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The key the server is configured to trust.</summary>
    internal SymmetricSecurityKey SigningKey => new(_key);

    /// <summary>The server settings that turn authentication on with these credentials.</summary>
    internal string[] Settings =>
    [
        $"--Auth:Jwt:Issuer={Issuer}",
        $"--Auth:Jwt:Audience={Audience}",
        $"--Auth:Jwt:SigningKeys:0={Convert.ToBase64String(_key)}",
        $"--Auth:ApiKeys:ocs:Hash={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)))}",
        "--Auth:ApiKeys:ocs:Roles:0=OCS",
        $"--Auth:ApiKeys:ocs:Accounts:0={ApiKeyAccount}",
    ];

    /// <summary>A token for <paramref name="account"/> with <paramref name="roles"/>, valid for <paramref name="lifetime"/> from now (negative: expired).</summary>
    internal string Token(string account, IEnumerable<string> roles, TimeSpan? lifetime = null, byte[]? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        var claims = new List<Claim> { new("sub", "tester"), new("account", account) };
        claims.AddRange(roles.Select(role => new Claim("roles", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? _key), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A well-formed token signed with a key the server does not know.</summary>
    internal string ForeignToken(string account, IEnumerable<string> roles) => Token(account, roles, key: RandomNumberGenerator.GetBytes(32));
}
