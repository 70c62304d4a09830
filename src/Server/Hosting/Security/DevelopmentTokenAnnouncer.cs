using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>Prints development mode's test token at start-up (every role, every account).</summary>
internal sealed class DevelopmentTokenAnnouncer(DevelopmentSigningKey key, IOptions<AuthOptions> options, ILogger<DevelopmentTokenAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        var token = key.CreateToken(value.RoleClaim, value.AccountClaim, AuthSchemes.DevelopmentRoles, AuthSchemes.AnyAccount);
        SecurityLog.DevelopmentMode(logger, token);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
