using Grpc.Core;
using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Server.StartEvent.Lifecycle;
using JourneyGrpc.Server.StartEvent.Mapping;
using JourneyGrpc.Server.StartEvent.Queries;
using JourneyGrpc.Server.StartEvent.Storage;
using JourneyGrpc.Server.StartEvent.Validation;
using JourneyGrpc.StartEvent.V1;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.StartEvent;

/// <summary>The gRPC surface of <c>journeygrpc.startevent.v1.StartEventService</c>: validation and status mapping; the work is elsewhere.</summary>
internal sealed class StartEventServiceImpl(
    ServiceLifecycle services,
    StateLifecycle states,
    TaskLifecycle tasks,
    ServiceQueries serviceQueries,
    StateQueries stateQueries,
    TaskQueries taskQueries,
    JourneyServiceQueries journeyQueries,
    IOptions<StartEventOptions> options,
    ILoggerFactory loggerFactory) : StartEventService.StartEventServiceBase
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(StartEventLog.Category);

    public override Task<StartServiceResponse> StartService(StartServiceRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        var e = request.Event ?? new ServiceStartEvent();
        EventValidator.Validate(violations, e, requireKey: true);
        Check(violations, "The Service Start Event is invalid", nameof(StartService));
        return RunAsync(async () =>
        {
            var id = await services.StartAsync(tenant, e, context.CancellationToken).ConfigureAwait(false);
            StartEventLog.ServiceStarted(_logger, id, tenant);
            return new StartServiceResponse { ServiceId = id };
        });
    }

    public override Task<AssociateServiceResponse> AssociateService(AssociateServiceRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.Key(violations, "customer_id", request.CustomerId, required: true);
        RequestRules.ServiceId(violations, request.ServiceId);
        if (request.Event is { } e)
        {
            EventValidator.Validate(violations, e, requireKey: false);
            if (e.CustomerId.Length > 0 && e.CustomerId != request.CustomerId)
            {
                violations.Add("customer_id", $"of the body ('{e.CustomerId}') must be the path's ('{request.CustomerId}') or absent");
            }
        }

        Check(violations, "The association is invalid", nameof(AssociateService));
        return RunAsync(async () =>
        {
            await services.AssociateAsync(tenant, request.CustomerId, request.ServiceId, request.Event, context.CancellationToken).ConfigureAwait(false);
            return new AssociateServiceResponse();
        });
    }

    public override Task<EndServiceResponse> EndService(EndServiceRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        var e = request.Event ?? new EndEvent();
        EventValidator.Validate(violations, e);
        Check(violations, "The Service End Event is invalid", nameof(EndService));
        return RunAsync(async () =>
        {
            await services.EndAsync(tenant, request.ServiceId, e, context.CancellationToken).ConfigureAwait(false);
            StartEventLog.Ended(_logger, "service", request.ServiceId, request.ServiceId, tenant);
            return new EndServiceResponse();
        });
    }

    public override Task<GetServiceResponse> GetService(GetServiceRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        Check(violations, "The request is invalid", nameof(GetService));
        return RunAsync(async () => new GetServiceResponse { Service = await serviceQueries.GetAsync(tenant, request, context.CancellationToken).ConfigureAwait(false) });
    }

    public override Task<DeleteServiceResponse> DeleteService(DeleteServiceRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        Check(violations, "The request is invalid", nameof(DeleteService));
        return RunAsync(async () =>
        {
            await services.DeleteAsync(tenant, request.ServiceId, context.CancellationToken).ConfigureAwait(false);
            return new DeleteServiceResponse();
        });
    }

    public override Task<QueryAnonymousServicesResponse> QueryAnonymousServices(QueryAnonymousServicesRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.Key(violations, "contact_key", request.ContactKey, required: true);
        var (from, to) = QueryRules(violations, request.Status, request.StartedFrom, request.StartedTo);
        Check(violations, "The query is invalid", nameof(QueryAnonymousServices));
        return RunAsync(async () => new QueryAnonymousServicesResponse
        {
            Services = { await serviceQueries.FindAsync(tenant, StartEventCollections.ByContactKey, request.ContactKey, request.Status, from, to, request.ServiceTypes, context.CancellationToken).ConfigureAwait(false) },
        });
    }

    public override Task<QueryCustomerServicesResponse> QueryCustomerServices(QueryCustomerServicesRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.Key(violations, "customer_id", request.CustomerId, required: true);
        var (from, to) = QueryRules(violations, request.Status, request.StartedFrom, request.StartedTo);
        Check(violations, "The query is invalid", nameof(QueryCustomerServices));
        return RunAsync(async () => new QueryCustomerServicesResponse
        {
            Services = { await serviceQueries.FindAsync(tenant, StartEventCollections.ByCustomer, request.CustomerId, request.Status, from, to, request.ServiceTypes, context.CancellationToken).ConfigureAwait(false) },
        });
    }

    public override Task<UpdateServiceExtensionResponse> UpdateServiceExtension(UpdateServiceExtensionRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        ExtensionRules(violations, request.ExtensionName, request.Value);
        Check(violations, "The extension is invalid", nameof(UpdateServiceExtension));
        return RunAsync(async () =>
        {
            await services.UpdateExtensionAsync(tenant, request.ServiceId, request.ExtensionName, request.Value, context.CancellationToken).ConfigureAwait(false);
            return new UpdateServiceExtensionResponse();
        });
    }

    public override Task<StartStateResponse> StartState(StartStateRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        var e = request.Event ?? new StateStartEvent();
        EventValidator.Validate(violations, e);
        Check(violations, "The State Start Event is invalid", nameof(StartState));
        return RunAsync(async () => new StartStateResponse { StateId = await states.StartAsync(tenant, request.ServiceId, e, context.CancellationToken).ConfigureAwait(false) });
    }

    public override Task<EndStateResponse> EndState(EndStateRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        RequestRules.PositiveId(violations, "state_id", request.StateId);
        var e = request.Event ?? new EndEvent();
        EventValidator.Validate(violations, e);
        Check(violations, "The State End Event is invalid", nameof(EndState));
        return RunAsync(async () =>
        {
            await states.EndAsync(tenant, request.ServiceId, request.StateId, e, context.CancellationToken).ConfigureAwait(false);
            StartEventLog.Ended(_logger, "state", request.StateId, request.ServiceId, tenant);
            return new EndStateResponse();
        });
    }

    public override Task<TransitionStateResponse> TransitionState(TransitionStateRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        var e = request.Event ?? new StateTransitionEvent();
        EventValidator.Validate(violations, e);
        Check(violations, "The State Transition Event is invalid", nameof(TransitionState));
        return RunAsync(async () =>
        {
            var (started, ended) = await states.TransitionAsync(tenant, request.ServiceId, e, context.CancellationToken).ConfigureAwait(false);
            return new TransitionStateResponse { StateId = started, PreviousStateId = ended };
        });
    }

    public override Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        RequestRules.PositiveId(violations, "state_id", request.StateId);
        Check(violations, "The request is invalid", nameof(GetState));
        return RunAsync(async () => new GetStateResponse { State = await stateQueries.GetAsync(tenant, request.ServiceId, request.StateId, context.CancellationToken).ConfigureAwait(false) });
    }

    public override Task<ListStatesResponse> ListStates(ListStatesRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        RequestRules.Status(violations, request.Status);
        Check(violations, "The request is invalid", nameof(ListStates));
        return RunAsync(async () => new ListStatesResponse { States = { await stateQueries.ListAsync(tenant, request.ServiceId, request.Status, context.CancellationToken).ConfigureAwait(false) } });
    }

    public override Task<UpdateStateExtensionResponse> UpdateStateExtension(UpdateStateExtensionRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        RequestRules.PositiveId(violations, "state_id", request.StateId);
        ExtensionRules(violations, request.ExtensionName, request.Value);
        Check(violations, "The extension is invalid", nameof(UpdateStateExtension));
        return RunAsync(async () =>
        {
            await states.UpdateExtensionAsync(tenant, request.ServiceId, request.StateId, request.ExtensionName, request.Value, context.CancellationToken).ConfigureAwait(false);
            return new UpdateStateExtensionResponse();
        });
    }

    public override Task<StartTaskResponse> StartTask(StartTaskRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        var e = request.Event ?? new TaskStartEvent();
        EventValidator.Validate(violations, e);
        Check(violations, "The Task Start Event is invalid", nameof(StartTask));
        return RunAsync(async () => new StartTaskResponse { TaskId = await tasks.StartAsync(tenant, request.ServiceId, e, context.CancellationToken).ConfigureAwait(false) });
    }

    public override Task<EndTaskResponse> EndTask(EndTaskRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        RequestRules.PositiveId(violations, "task_id", request.TaskId);
        var e = request.Event ?? new EndEvent();
        EventValidator.Validate(violations, e);
        Check(violations, "The Task End Event is invalid", nameof(EndTask));
        return RunAsync(async () =>
        {
            await tasks.EndAsync(tenant, request.ServiceId, request.TaskId, e, context.CancellationToken).ConfigureAwait(false);
            StartEventLog.Ended(_logger, "task", request.TaskId, request.ServiceId, tenant);
            return new EndTaskResponse();
        });
    }

    public override Task<GetTaskResponse> GetTask(GetTaskRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        RequestRules.PositiveId(violations, "task_id", request.TaskId);
        Check(violations, "The request is invalid", nameof(GetTask));
        return RunAsync(async () => new GetTaskResponse { Task = await taskQueries.GetAsync(tenant, request.ServiceId, request.TaskId, context.CancellationToken).ConfigureAwait(false) });
    }

    public override Task<QueryTasksResponse> QueryTasks(QueryTasksRequest request, ServerCallContext context)
    {
        var (violations, tenant) = Begin(request.Tenant);
        RequestRules.ServiceId(violations, request.ServiceId);
        RequestRules.Status(violations, request.Status);
        if (request.HasStateId)
        {
            RequestRules.PositiveId(violations, "state_id", request.StateId);
        }

        Check(violations, "The query is invalid", nameof(QueryTasks));
        return RunAsync(async () => new QueryTasksResponse { Tasks = { await taskQueries.QueryAsync(tenant, request, context.CancellationToken).ConfigureAwait(false) } });
    }

    public override Task<ListJourneyServicesResponse> ListJourneyServices(ListJourneyServicesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.Key(violations, "account_id", request.AccountId, required: true);
        RequestRules.Key(violations, "identifier_type", request.IdentifierType, required: true);
        RequestRules.Key(violations, "identifier_value", request.IdentifierValue, required: true);
        Check(violations, "The request is invalid", nameof(ListJourneyServices));
        return RunAsync(async () => new ListJourneyServicesResponse { Services = { await journeyQueries.ListAsync(request, context.CancellationToken).ConfigureAwait(false) } });
    }

    private static (long? From, long? To) QueryRules(Violations violations, string status, string startedFrom, string startedTo)
    {
        RequestRules.Status(violations, status);
        return (RequestRules.Time(violations, "started_from", startedFrom), RequestRules.Time(violations, "started_to", startedTo));
    }

    private static void ExtensionRules(Violations violations, string name, Google.Protobuf.WellKnownTypes.Value? value)
    {
        RequestRules.ExtensionName(violations, name);
        if (value is null || value.KindCase is Google.Protobuf.WellKnownTypes.Value.KindOneofCase.None or Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NullValue)
        {
            violations.Add("value", "is required: an object (single-valued) or an array of objects (multi-valued)");
        }
    }

    private (Violations Violations, string Tenant) Begin(string tenant)
    {
        var violations = new Violations();
        return (violations, RequestRules.Tenant(violations, tenant, options.Value.DefaultTenant));
    }

    private void Check(Violations violations, string subject, string method)
    {
        try
        {
            violations.ThrowIfAny(subject);
        }
        catch (RpcException ex)
        {
            StartEventLog.RequestRejected(_logger, method, ex.Status.Detail);
            throw;
        }
    }

    /// <summary>Runs one call; store failures become statuses in <see cref="Hosting.Grpc.StoreFailureStatus"/>, as for every service.</summary>
    private static Task<T> RunAsync<T>(Func<Task<T>> call) => call();
}
