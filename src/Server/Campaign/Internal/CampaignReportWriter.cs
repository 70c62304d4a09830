using System.Collections.Concurrent;
using JourneyGrpc.Campaign.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Campaign.Internal;

/// <summary>Records notifications through one <see cref="TenantReportWriter"/> per tenant.</summary>
internal sealed class CampaignReportWriter(CampaignStoreAccessor stores, IOptions<CampaignStatusOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TenantReportWriter>> _writers = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger(CampaignLog.Category);
    private volatile bool _disposed;

    /// <summary>Appends a validated notification to its tenant's log; completes once it is durable.</summary>
    internal async Task<CampaignStatusEvent> RecordAsync(CampaignGroupStateNotification notification, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var tenant = notification.GswTenantName;
        var writer = _writers.GetOrAdd(tenant, t => new Lazy<TenantReportWriter>(() => new TenantReportWriter(t, stores.Store, options.Value, timeProvider, _logger))).Value;
        var report = new PendingReport(notification, timeProvider.GetUtcNow(), cancellationToken);
        await writer.EnqueueAsync(report).ConfigureAwait(false);
        return await report.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var writer in _writers.Values.Where(w => w.IsValueCreated))
        {
            await writer.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
