using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Storage;
using JourneyGrpc.Server.Campaign.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Campaign.Reporting;

/// <summary>Records notifications through one <see cref="TenantReportWriter"/> per tenant.</summary>
internal sealed class CampaignReportWriter : IAsyncDisposable
{
    private readonly PerTenant<TenantReportWriter> _writers;
    private readonly TimeProvider _timeProvider;

    public CampaignReportWriter(CampaignStoreAccessor stores, IOptions<CampaignStatusOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(CampaignLog.Category);
        _timeProvider = timeProvider;
        _writers = new PerTenant<TenantReportWriter>(tenant => new TenantReportWriter(tenant, stores.Store, options.Value, timeProvider, logger));
    }

    /// <summary>Appends a validated notification to its tenant's log; completes once it is durable.</summary>
    internal async Task<CampaignStatusEvent> RecordAsync(CampaignGroupStateNotification notification, CancellationToken cancellationToken)
    {
        var writer = _writers.Get(notification.GswTenantName);
        var report = new PendingReport(notification, _timeProvider.GetUtcNow(), cancellationToken);
        await writer.EnqueueAsync(report).ConfigureAwait(false);
        return await report.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _writers.DisposeAsync();
}
