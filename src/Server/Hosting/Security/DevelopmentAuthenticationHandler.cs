using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Development mode (no keys configured, loopback only): a caller without credentials is a developer with
/// every role on every account, so the server is usable with grpcurl, curl and buf curl as they are.
/// </summary>
internal sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var value = auth.Value;
        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, value.RoleClaim);
        identity.AddClaim(new Claim(ClaimTypes.Name, "developer"));
        identity.AddClaims(AuthSchemes.DevelopmentRoles.Select(role => new Claim(value.RoleClaim, role)));
        identity.AddClaim(new Claim(value.AccountClaim, AuthSchemes.AnyAccount));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
