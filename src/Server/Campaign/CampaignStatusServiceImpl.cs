using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Server.Campaign.Errors;
using JourneyGrpc.Server.Campaign.Lifecycle;
using JourneyGrpc.Server.Campaign.Mapping;
using JourneyGrpc.Server.Campaign.Reporting;
using JourneyGrpc.Server.Campaign.Storage;
using JourneyGrpc.Server.Campaign.Validation;
using JourneyGrpc.Server.Campaign.Watching;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Campaign;

/// <summary>The gRPC surface of <c>journeygrpc.campaign.v1.CampaignStatusService</c>: validation and status mapping; the work is elsewhere.</summary>
internal sealed class CampaignStatusServiceImpl(
    CampaignStoreAccessor stores,
    CampaignReportWriter writer,
    CampaignEventHub hub,
    IOptions<CampaignStatusOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : CampaignStatusService.CampaignStatusServiceBase
{
    private const int DefaultPageSize = 100;
    private const int MaxTenantLength = 200;

    private readonly Lazy<CampaignStateReader> _states = new(() => new CampaignStateReader(stores.Store));
    private readonly ILogger _logger = loggerFactory.CreateLogger(CampaignLog.Category);

    public override async Task<ReportCampaignGroupStateResponse> ReportCampaignGroupState(ReportCampaignGroupStateRequest request, ServerCallContext context)
    {
        var violations = NotificationValidator.Validate(request.Notification);
        if (violations.Count > 0)
        {
            var error = CampaignErrors.InvalidArgument("The OCS campaign-group notification is invalid", violations);
            CampaignLog.NotificationRejected(_logger, error.Status.Detail);
            throw error;
        }

        var recorded = await writer.RecordAsync(request.Notification, context.CancellationToken).ConfigureAwait(false);
        CampaignLog.NotificationRecorded(_logger, LifecycleStateMachine.Name(recorded.Kind), recorded.Notification.GswCampaignGroupGuid, recorded.Tenant, recorded.Sequence);
        if (recorded.TransitionCheck is TransitionCheck.Impossible or TransitionCheck.OutOfOrder)
        {
            CampaignLog.TransitionFlagged(_logger, recorded.Sequence, recorded.Notification.GswCampaignGroupGuid, recorded.Tenant, recorded.TransitionCheck.ToString(), recorded.TransitionNote);
        }

        return new ReportCampaignGroupStateResponse { Event = recorded };
    }

    public override async Task WatchCampaignStatus(WatchCampaignStatusRequest request, IServerStreamWriter<WatchCampaignStatusResponse> responseStream, ServerCallContext context)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        ValidateTenant(violations, request.Tenant);
        if (request.HasAfterSequence && request.AfterSequence < 0)
        {
            violations.Add(Violation("after_sequence", "must be 0 or more"));
        }

        for (var i = 0; i < request.Kinds.Count; i++)
        {
            if (request.Kinds[i] == CampaignEventKind.Unspecified || !Enum.IsDefined(request.Kinds[i]))
            {
                violations.Add(Violation($"kinds[{i}]", $"must be a CampaignEventKind other than CAMPAIGN_EVENT_KIND_UNSPECIFIED, not {(int)request.Kinds[i]}"));
            }
        }

        ThrowIfAny("The watch request is invalid", violations);
        var session = new WatchSession(stores.Store, _states.Value, hub.GetFeed(request.Tenant), options.Value, timeProvider, _logger, responseStream, context.CancellationToken);
        await session.RunAsync(request, request.Tenant, new WatchFilter(request)).ConfigureAwait(false);
    }

    public override async Task<GetCampaignGroupStateResponse> GetCampaignGroupState(GetCampaignGroupStateRequest request, ServerCallContext context)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        ValidateTenant(violations, request.Tenant);
        var keys = new[] { request.CampaignGroupGuid, request.CampaignGroupName, request.CampaignGroupDbid }.Count(k => k.Length > 0);
        if (keys != 1)
        {
            violations.Add(Violation("campaign_group_guid", "exactly one of campaign_group_guid, campaign_group_name and campaign_group_dbid must be set"));
        }
        else if (request.CampaignGroupGuid.Length > 256)
        {
            violations.Add(Violation("campaign_group_guid", "must be at most 256 characters"));
        }

        ThrowIfAny("The request is invalid", violations);
        var ct = context.CancellationToken;
        var (key, value, state) = request switch
        {
            { CampaignGroupGuid.Length: > 0 } => (OcsKeys.CampaignGroupGuid, request.CampaignGroupGuid, await _states.Value.GetByGuidAsync(request.Tenant, request.CampaignGroupGuid, ct).ConfigureAwait(false)),
            { CampaignGroupName.Length: > 0 } => (OcsKeys.CampaignGroupName, request.CampaignGroupName, await _states.Value.GetByIndexAsync(request.Tenant, CampaignStoreNames.NameIndex, request.CampaignGroupName, ct).ConfigureAwait(false)),
            _ => (OcsKeys.CampaignGroupDbid, request.CampaignGroupDbid, await _states.Value.GetByIndexAsync(request.Tenant, CampaignStoreNames.DbidIndex, request.CampaignGroupDbid, ct).ConfigureAwait(false)),
        };
        return new GetCampaignGroupStateResponse { CampaignGroupState = state ?? throw CampaignErrors.NotFound(request.Tenant, key, value) };
    }

    public override async Task<ListCampaignGroupStatesResponse> ListCampaignGroupStates(ListCampaignGroupStatesRequest request, ServerCallContext context)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        ValidateTenant(violations, request.Tenant);
        if (request.PageSize is < 0 or > CampaignStateReader.MaxPageSize)
        {
            violations.Add(Violation("page_size", $"must be from 0 to {CampaignStateReader.MaxPageSize}"));
        }

        var offset = 0;
        if (request.PageToken.Length > 0 && (!int.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset <= 0))
        {
            violations.Add(Violation("page_token", "is not a next_page_token this service returned"));
        }

        ThrowIfAny("The request is invalid", violations);
        var limit = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var (page, total) = await _states.Value.ListAsync(request.Tenant, offset, limit, context.CancellationToken).ConfigureAwait(false);
        var response = new ListCampaignGroupStatesResponse { TotalSize = total };
        response.CampaignGroupStates.Add(page);
        if (offset + page.Count < total && page.Count > 0)
        {
            response.NextPageToken = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return response;
    }

    private static void ValidateTenant(List<BadRequest.Types.FieldViolation> violations, string tenant)
    {
        if (tenant.Length == 0)
        {
            violations.Add(Violation("tenant", "is required"));
        }
        else if (tenant.Length > MaxTenantLength || tenant.Any(char.IsControl))
        {
            violations.Add(Violation("tenant", $"must be at most {MaxTenantLength} characters with no control characters"));
        }
    }

    private static void ThrowIfAny(string subject, List<BadRequest.Types.FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw CampaignErrors.InvalidArgument(subject, violations);
        }
    }

    private static BadRequest.Types.FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };
}
