using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Development mode's caller: a developer with every role on every account, for calls that carry no
/// credentials while no keys are configured. Built once; its principal is shared, never changed.
/// </summary>
internal sealed class DevelopmentCaller
{
    public DevelopmentCaller(IOptions<AuthOptions> options)
    {
        var value = options.Value;
        Enabled = value.IsDevelopment;
        var identity = new ClaimsIdentity(AuthSchemes.Development, ClaimTypes.Name, value.RoleClaim);
        identity.AddClaim(new Claim(ClaimTypes.Name, "developer"));
        identity.AddClaims(AuthSchemes.DevelopmentRoles.Select(role => new Claim(value.RoleClaim, role)));
        identity.AddClaim(new Claim(value.AccountClaim, AuthSchemes.AnyAccount));
        Principal = new ClaimsPrincipal(identity);
    }

    /// <summary>True in development mode.</summary>
    internal bool Enabled { get; }

    internal ClaimsPrincipal Principal { get; }

    /// <summary>True when <paramref name="request"/> is a development mode call without credentials.</summary>
    internal bool Admits(HttpRequest request) =>
        Enabled && request.Headers.Authorization.Count == 0 && !request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader);
}
