using System.Security.Claims;
using Grpc.Core;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Hosting.Security;
using JourneyGrpc.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>A caller authenticated once is remembered by its credential until its token expires or a minute passes.</summary>
public sealed class AuthenticatedCallersTests(SecuredServerFixture fixture) : IClassFixture<SecuredServerFixture>
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ClaimsPrincipal _caller = new(new ClaimsIdentity([new Claim("sub", "tester")], "Bearer"));

    [Fact]
    public void TryGet_BeforeTokenExpiry_SameCaller()
    {
        var callers = new AuthenticatedCallers(_time);
        callers.Add("Bearer a", _caller, _time.GetUtcNow().AddSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(29));

        Assert.True(callers.TryGet("Bearer a", out var found));
        Assert.Same(_caller, found);
    }

    [Fact]
    public void TryGet_AfterTokenExpiry_Forgotten()
    {
        var callers = new AuthenticatedCallers(_time);
        callers.Add("Bearer a", _caller, _time.GetUtcNow().AddSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(callers.TryGet("Bearer a", out _));
        Assert.Equal(0, callers.Count);
    }

    [Fact]
    public void TryGet_AfterMaxAge_ForgottenThoughTokenStillValid()
    {
        var callers = new AuthenticatedCallers(_time);
        callers.Add("Bearer a", _caller, _time.GetUtcNow().AddHours(1));

        _time.Advance(AuthenticatedCallers.MaxAge);

        Assert.False(callers.TryGet("Bearer a", out _));
    }

    [Fact]
    public void Add_BeyondMaxEntries_StartsAgainEmpty()
    {
        var callers = new AuthenticatedCallers(_time);
        for (var i = 0; i <= AuthenticatedCallers.MaxEntries; i++)
        {
            callers.Add($"Bearer {i}", _caller, expires: null);
        }

        Assert.Equal(1, callers.Count);
    }

    [Fact]
    public async Task Call_SameTokenTwice_AuthenticatedOnceRememberedUntilItsExpiry()
    {
        var callers = fixture.Server.Services.GetRequiredService<AuthenticatedCallers>();
        var token = fixture.Credentials.Token("ABCDEF", ["Account Administrator"], TimeSpan.FromMinutes(10));
        var client = new JourneyService.JourneyServiceClient(fixture.Server.Channel);
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };

        await client.ListIdentifierTypesAsync(new ListIdentifierTypesRequest { AccountId = "ABCDEF" }, headers, DateTime.UtcNow.AddSeconds(30));
        var remembered = callers.TryGet($"Bearer {token}", out var caller);
        await client.ListIdentifierTypesAsync(new ListIdentifierTypesRequest { AccountId = "ABCDEF" }, headers, DateTime.UtcNow.AddSeconds(30));

        Assert.True(remembered);
        Assert.Equal("tester", caller!.FindFirst("sub")?.Value);
    }
}
