using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Server.Campaign.Reporting;

/// <summary>A validated notification waiting for its tenant's writer; completes with the recorded event.</summary>
internal sealed class PendingReport(CampaignGroupStateNotification notification, DateTimeOffset receivedAt, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<CampaignStatusEvent> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal CampaignGroupStateNotification Notification { get; } = notification;

    internal DateTimeOffset ReceivedAt { get; } = receivedAt;

    internal CancellationToken CancellationToken { get; } = cancellationToken;

    internal Task<CampaignStatusEvent> Completion => _completion.Task;

    internal void Complete(CampaignStatusEvent recorded) => _completion.TrySetResult(recorded);

    internal void Fail(Exception exception) => _completion.TrySetException(exception);

    internal void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
