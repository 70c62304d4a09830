using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Errors;
using JourneyGrpc.Server.WebEngagement.Lifecycle;
using JourneyGrpc.Server.WebEngagement.Storage;
using JourneyGrpc.Server.WebEngagement.Validation;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.WebEngagement.Attempts;

/// <summary>
/// GWE engage and noengage: an attempt is a web action created QUALIFIED and valid for
/// engagementExpirationTime; in strict engagement mode a visit has at most one attempt in progress,
/// enforced by a unique index key, so two racing engages of one visit cannot both commit.
/// </summary>
internal sealed class EngagementAttempts(EngagementStoreAccessor stores, WebActionReader reader, WriteRetry retry, IOptions<EngagementOptions> options, TimeProvider timeProvider)
{
    internal string DeploymentOf(string requested) => EngagementStoreNames.Tenant(requested.Length > 0 ? requested : options.Value.DefaultDeploymentId);

    internal Task<WebAction> EngageAsync(EngageRequest request, CancellationToken cancellationToken)
    {
        var deployment = DeploymentOf(request.DeploymentId);
        var profile = request.IxnProfile;
        var visitId = profile.VisitId.ToLowerInvariant();
        return retry.RunAsync("Engage", async () =>
        {
            var strict = options.Value.StrictEngagementMode;
            var now = timeProvider.GetUtcNow();
            var changes = new WebActionChanges(strict, now);
            foreach (var stored in await reader.InProgressAsync(deployment, visitId, cancellationToken).ConfigureAwait(false))
            {
                var effective = WebActionLifecycle.Effective(stored.Action, now);
                if (WebActionLifecycle.IsInProgress(effective))
                {
                    if (strict)
                    {
                        throw EngagementErrors.AttemptInProgress(profile.VisitId, stored.Action.Id, effective);
                    }
                }
                else
                {
                    // The clock ended it (expired, timed out): written now, which frees the visit's key.
                    changes.Move(stored, effective);
                }
            }

            var action = new WebAction
            {
                Id = Uuid.NewId(),
                DeploymentId = deployment,
                SessionId = visitId,
                CustomerId = profile.GlobalVisitId.ToLowerInvariant(),
                CustomerIdType = profile.GlobalVisitId.Length > 0 ? "cookie" : string.Empty,
                ActionMapId = request.ActionMapId.ToLowerInvariant(),
                ActionMapVersion = request.ActionMapVersion,
                MediaType = request.MediaType.Length > 0 ? request.MediaType : MediaTypes.ContentOffer,
                State = WebActionState.Qualified,
                IxnProfile = profile,
                CreateTime = changes.Now,
                UpdateTime = changes.Now,
                ExpireTime = Timestamp.FromDateTimeOffset(now.AddSeconds(options.Value.EngagementExpirationTime)),
                History = { new WebActionStateChange { State = WebActionState.Qualified, Time = changes.Now } },
            };
            changes.Insert(action);
            await changes.WriteAsync(stores.Store, deployment, cancellationToken).ConfigureAwait(false);
            return action;
        });
    }

    internal Task<IReadOnlyList<WebAction>> NoEngageAsync(NoEngageRequest request, CancellationToken cancellationToken)
    {
        var deployment = DeploymentOf(request.DeploymentId);
        var cancelData = request.CancelData;
        var visitId = cancelData.VisitId.ToLowerInvariant();
        return retry.RunAsync<IReadOnlyList<WebAction>>("NoEngage", async () =>
        {
            var now = timeProvider.GetUtcNow();
            var changes = new WebActionChanges(options.Value.StrictEngagementMode, now);
            var cancelled = new List<WebAction>();
            foreach (var stored in await reader.InProgressAsync(deployment, visitId, cancellationToken).ConfigureAwait(false))
            {
                var effective = WebActionLifecycle.Effective(stored.Action, now);
                if (!WebActionLifecycle.IsInProgress(effective))
                {
                    changes.Move(stored, effective);
                }
                else if (cancelData.InteractionId.Length == 0 || cancelData.InteractionId == stored.Action.IxnProfile?.InteractionId)
                {
                    cancelled.Add(changes.Move(stored, WebActionState.Cancelled, a => a.CancelData = cancelData));
                }
            }

            // The clock's endings are written even when nothing is cancelled: they are true either way.
            await changes.WriteAsync(stores.Store, deployment, cancellationToken).ConfigureAwait(false);
            return cancelled.Count > 0 ? cancelled : throw EngagementErrors.NoAttemptInProgress(deployment, cancelData.VisitId, cancelData.InteractionId);
        });
    }
}
