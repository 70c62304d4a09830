using Grpc.Core;
using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.Hosting.Telemetry;
using JourneyGrpc.Server.WebEngagement.Errors;
using JourneyGrpc.Server.WebEngagement.Storage;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.WebEngagement.Watching;

/// <summary>
/// Streams a deployment's web-action log: from <c>after_sequence</c> (or the head, for live changes only),
/// then each change as it commits. It reads the log itself, page by page (the store's tail), so it never
/// skips or repeats a change and a slow reader holds one page, not a growing queue.
/// </summary>
internal sealed class WebActionWatch(EngagementStoreAccessor stores)
{
    internal const int PageSize = 256;

    internal async Task RunAsync(WatchWebActionsRequest request, IServerStreamWriter<WatchWebActionsResponse> responseStream, CancellationToken cancellationToken)
    {
        var tenant = EngagementStoreNames.Tenant(request.DeploymentId);
        var customer = request.CustomerId.ToLowerInvariant();
        var session = request.SessionId.ToLowerInvariant();
        var head = await LogHead.ReadAsync(stores.Store, tenant, EngagementStoreNames.Log, cancellationToken).ConfigureAwait(false);
        if (request.HasAfterSequence && request.AfterSequence > head)
        {
            throw EngagementErrors.AfterSequenceBeyondHead(request.DeploymentId, request.AfterSequence, head);
        }

        var start = request.HasAfterSequence ? request.AfterSequence : head;

        // Lag: the newest sequence this watch knows of (the head when it started, then each event it reads)
        // less the last one it has handled: the catch-up backlog of a resumed watch, 0 once it is live.
        long[] position = [head, start];
        using var open = WatchTelemetry.Start(WatchTelemetry.WebActions, () => Volatile.Read(ref position[0]) - Volatile.Read(ref position[1]));
        await responseStream.WriteAsync(new WatchWebActionsResponse { ResumeAfterSequence = start, Start = new WatchStart { StartSequence = start } }, cancellationToken).ConfigureAwait(false);
        await foreach (var stored in stores.Store.TailEventsAsync(tenant, EngagementStoreNames.Log, start, PageSize, cancellationToken).ConfigureAwait(false))
        {
            Volatile.Write(ref position[0], Math.Max(position[0], stored.Sequence));
            var change = stored.Parse(WebActionEvent.Parser);
            if ((customer.Length > 0 && change.Action.CustomerId != customer) || (session.Length > 0 && change.Action.SessionId != session))
            {
                Volatile.Write(ref position[1], stored.Sequence);
                continue;
            }

            change.Sequence = stored.Sequence;
            await responseStream.WriteAsync(new WatchWebActionsResponse { ResumeAfterSequence = stored.Sequence, Event = change }, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref position[1], stored.Sequence);
        }
    }
}
