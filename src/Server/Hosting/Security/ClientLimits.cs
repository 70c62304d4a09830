using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Per-client limits from <see cref="LimitsOptions"/>, on System.Threading.RateLimiting (what
/// Microsoft.AspNetCore.RateLimiting is built on), applied where the caller and the method are known so an
/// exceeded limit is RESOURCE_EXHAUSTED over gRPC and 429 over REST, with the wait in Retry-After.
/// </summary>
internal sealed class ClientLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _calls;
    private readonly PartitionedRateLimiter<string>? _watches;

    public ClientLimits(IOptions<LimitsOptions> options)
    {
        var value = options.Value;
        if (value.CallsPerSecond > 0)
        {
            var bucket = new TokenBucketRateLimiterOptions
            {
                TokenLimit = value.Burst > 0 ? value.Burst : value.CallsPerSecond,
                TokensPerPeriod = value.CallsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
            _calls = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => bucket));
        }

        if (value.WatchesPerClient > 0)
        {
            var concurrency = new ConcurrencyLimiterOptions { PermitLimit = value.WatchesPerClient, QueueLimit = 0 };
            _watches = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetConcurrencyLimiter(client, _ => concurrency));
        }

        WatchesPerClient = value.WatchesPerClient;
    }

    internal int WatchesPerClient { get; }

    /// <summary>Whom the limits count: the authentication type and the caller's name (token subject, appkey client).</summary>
    internal static string ClientOf(ClaimsPrincipal user) => $"{user.Identity?.AuthenticationType}:{user.Identity?.Name}";

    /// <summary>True when <paramref name="user"/> may make one more call now; otherwise <paramref name="retryAfter"/> says how long to wait.</summary>
    internal bool TryAcquireCall(ClaimsPrincipal user, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_calls is null)
        {
            return true;
        }

        using var lease = _calls.AttemptAcquire(ClientOf(user));
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    /// <summary>A permit held while a watch is open; null when no limit is set. Not acquired: the client holds its maximum.</summary>
    internal RateLimitLease? AcquireWatch(string client) => _watches?.AttemptAcquire(client);

    public void Dispose()
    {
        _calls?.Dispose();
        _watches?.Dispose();
    }
}
