using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Errors;
using JourneyGrpc.Server.WebEngagement.Lifecycle;
using JourneyGrpc.Server.WebEngagement.Storage;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.WebEngagement.Actions;

/// <summary>
/// Applies a Genesys Cloud action event to a web action: read, check the lifecycle against the state
/// the clock has it in, write at the read version (a racing change makes the loser read again and see
/// the winner's state).
/// </summary>
internal sealed class ActionEvents(EngagementStoreAccessor stores, WebActionReader reader, WriteRetry retry, IOptions<EngagementOptions> options, TimeProvider timeProvider)
{
    internal Task<(WebAction Action, WebActionState Previous)> RecordAsync(RecordActionEventRequest request, WebActionState target, CancellationToken cancellationToken)
    {
        var deployment = EngagementStoreNames.Tenant(request.DeploymentId);
        var actionId = request.ActionId.ToLowerInvariant();
        return retry.RunAsync("RecordActionEvent", async () =>
        {
            var stored = await reader.GetAsync(deployment, actionId, cancellationToken).ConfigureAwait(false)
                ?? throw EngagementErrors.ActionNotFound(deployment, request.ActionId);
            if (!string.Equals(stored.Action.SessionId, request.SessionId, StringComparison.OrdinalIgnoreCase))
            {
                throw EngagementErrors.SessionMismatch(request.ActionId, request.SessionId);
            }

            var now = timeProvider.GetUtcNow();
            var effective = WebActionLifecycle.Effective(stored.Action, now);
            if (WebActionLifecycle.Refusal(effective, target, stored.Action.MediaType) is { } reason)
            {
                throw EngagementErrors.TransitionRefused(request.ActionId, effective == stored.Action.State
                    ? reason
                    : $"{reason} ({Names.Of(stored.Action.State)} ended by the clock at {(effective == WebActionState.Expired ? stored.Action.ExpireTime : stored.Action.OfferExpireTime)})");
            }

            var changes = new WebActionChanges(options.Value.StrictEngagementMode, now);
            var moved = changes.Move(stored, target, action =>
            {
                if (target == WebActionState.Offered)
                {
                    action.OfferExpireTime = Timestamp.FromDateTimeOffset(now.AddSeconds(options.Value.RegistrationFormExpirationTime));
                }

                if (request.HasErrorCode)
                {
                    action.ErrorCode = request.ErrorCode;
                }

                action.ErrorMessage = request.ErrorMessage;
            });
            await changes.WriteAsync(stores.Store, deployment, cancellationToken).ConfigureAwait(false);
            return (moved, effective);
        });
    }
}
