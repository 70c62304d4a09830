using System.Security.Cryptography;
using JourneyGrpc.Server.Hosting.Security;
using JourneyGrpc.Tests.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>A token validated once is not validated again until it expires or the cache's maximum age passes; failures are never kept.</summary>
public sealed class ValidatedTokenCacheTests
{
    private readonly TestCredentials _credentials = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Validate_SameTokenTwice_SecondFromCacheWithItsOwnIdentity()
    {
        var cache = new ValidatedTokenCache(_time);
        var token = _credentials.Token("ABCDEF", ["Agent"]);

        var first = await cache.ValidateTokenAsync(token, Parameters(_credentials.SigningKey));
        var second = await cache.ValidateTokenAsync(token, Parameters(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))));

        Assert.True(first.IsValid && second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal(["Agent"], second.ClaimsIdentity.FindAll("roles").Select(c => c.Value));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Validate_AfterMaxAge_ValidatedAgainAgainstCurrentKeys()
    {
        var cache = new ValidatedTokenCache(_time);
        var token = _credentials.Token("ABCDEF", ["Agent"]);
        await cache.ValidateTokenAsync(token, Parameters(_credentials.SigningKey));

        _time.Advance(ValidatedTokenCache.MaxAge + TimeSpan.FromSeconds(1));
        var withdrawnKey = await cache.ValidateTokenAsync(token, Parameters(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))));

        Assert.False(withdrawnKey.IsValid);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Validate_InvalidToken_NotKept()
    {
        var cache = new ValidatedTokenCache(_time);

        var result = await cache.ValidateTokenAsync(_credentials.ForeignToken("ABCDEF", ["Agent"]), Parameters(_credentials.SigningKey));

        Assert.False(result.IsValid);
        Assert.Equal(0, cache.Count);
    }

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = TestCredentials.Issuer,
        ValidAudience = TestCredentials.Audience,
        IssuerSigningKey = key,
        RoleClaimType = "roles",
    };
}
