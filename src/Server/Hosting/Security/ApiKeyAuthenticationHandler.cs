using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// The Avaya <c>appkey</c> header: the key's SHA-256 is looked up among the configured clients' hashes
/// (the key itself is neither configured nor logged). The principal carries the client's roles and accounts.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyClients clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count > 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail("The appkey header must carry one key."));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!)));
        if (!clients.TryFind(hash, out var name, out var client))
        {
            return Task.FromResult(AuthenticateResult.Fail("The appkey is not known."));
        }

        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, clients.RoleClaim);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaims(client.Roles.Select(role => new Claim(clients.RoleClaim, role)));
        identity.AddClaims(client.Accounts.Select(account => new Claim(clients.AccountClaim, account)));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
