using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Development mode (no keys configured, loopback only): a caller without credentials is a developer with
/// every role on every account (<see cref="DevelopmentCaller"/>), so the server is usable with grpcurl, curl
/// and buf curl as they are.
/// </summary>
internal sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DevelopmentCaller developer)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(developer.Principal, Scheme.Name)));
}
