using Grpc.Core;
using JourneyGrpc.WebEngagement.V1;
using JourneyGrpc.Server.WebEngagement.Actions;
using JourneyGrpc.Server.WebEngagement.Attempts;
using JourneyGrpc.Server.WebEngagement.Errors;
using JourneyGrpc.Server.WebEngagement.Mapping;
using JourneyGrpc.Server.WebEngagement.Reporting;
using JourneyGrpc.Server.WebEngagement.Storage;
using JourneyGrpc.Server.WebEngagement.Validation;
using JourneyGrpc.Server.WebEngagement.Watching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.WebEngagement;

/// <summary>The gRPC surface of <c>journeygrpc.engagement.v1.EngagementService</c>: validation and logging; the work is elsewhere.</summary>
internal sealed class EngagementServiceImpl(
    EngagementAttempts attempts,
    ActionEvents actionEvents,
    WebActionReader reader,
    ActionMapPerformance performance,
    WebActionWatch watch,
    IOptions<EngagementOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : EngagementService.EngagementServiceBase
{
    /// <summary>The most actions one ping returns.</summary>
    internal const int MaxPingActions = 100;

    private readonly ILogger _logger = loggerFactory.CreateLogger(EngagementLog.Category);

    public override async Task<EngageResponse> Engage(EngageRequest request, ServerCallContext context)
    {
        EngageRequestValidator.Validate(request);
        var action = await attempts.EngageAsync(request, context.CancellationToken).ConfigureAwait(false);
        EngagementLog.AttemptStarted(_logger, action.Id, action.SessionId, action.DeploymentId);
        return new EngageResponse { WebAction = action };
    }

    public override async Task<NoEngageResponse> NoEngage(NoEngageRequest request, ServerCallContext context)
    {
        NoEngageRequestValidator.Validate(request);
        var cancelled = await attempts.NoEngageAsync(request, context.CancellationToken).ConfigureAwait(false);
        EngagementLog.AttemptsCancelled(_logger, cancelled.Count, request.CancelData.VisitId, attempts.DeploymentOf(request.DeploymentId));
        return new NoEngageResponse { WebActions = { cancelled } };
    }

    public override async Task<RecordActionEventResponse> RecordActionEvent(RecordActionEventRequest request, ServerCallContext context)
    {
        var target = RecordActionEventRequestValidator.Validate(request);
        try
        {
            var (action, previous) = await actionEvents.RecordAsync(request, target, context.CancellationToken).ConfigureAwait(false);
            EngagementLog.ActionMoved(_logger, action.Id, action.DeploymentId, Names.Of(previous), Names.Of(action.State));
            return new RecordActionEventResponse { WebAction = action };
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            EngagementLog.ChangeRefused(_logger, request.ActionId, ex.Status.Detail);
            throw;
        }
    }

    public override async Task<PingResponse> Ping(PingRequest request, ServerCallContext context)
    {
        QueryRequestValidator.Validate(request);
        var tenant = EngagementStoreNames.Tenant(request.DeploymentId);
        var waiting = await reader.WaitingAsync(tenant, request.CustomerCookieId.ToLowerInvariant(), MaxPingActions, context.CancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var response = new PingResponse { PollIntervalMilliseconds = options.Value.PingPollIntervalMilliseconds };
        response.Actions.Add(waiting.Where(a => WebActionViews.AsOf(a, now).State == WebActionState.Qualified).Select(WebActionViews.ToDeploymentWebAction));
        return response;
    }

    public override async Task<GetWebActionResponse> GetWebAction(GetWebActionRequest request, ServerCallContext context)
    {
        QueryRequestValidator.Validate(request);
        var tenant = EngagementStoreNames.Tenant(request.DeploymentId);
        var stored = await reader.GetAsync(tenant, request.ActionId.ToLowerInvariant(), context.CancellationToken).ConfigureAwait(false)
            ?? throw EngagementErrors.ActionNotFound(tenant, request.ActionId);
        return new GetWebActionResponse { WebAction = WebActionViews.AsOf(stored.Action, timeProvider.GetUtcNow()) };
    }

    public override Task<GetActionMapPerformanceResponse> GetActionMapPerformance(GetActionMapPerformanceRequest request, ServerCallContext context)
    {
        QueryRequestValidator.Validate(request);
        return performance.ReadAsync(request, context.CancellationToken);
    }

    public override Task WatchWebActions(WatchWebActionsRequest request, IServerStreamWriter<WatchWebActionsResponse> responseStream, ServerCallContext context)
    {
        QueryRequestValidator.Validate(request);
        return watch.RunAsync(request, responseStream, context.CancellationToken);
    }
}
