using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Server.Tests.StartEvent.Infrastructure;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Server.Tests.StartEvent.Functional;

/// <summary>The start → associate → states → tasks → end flow through the generated Grpc.Net.Client stubs.</summary>
public sealed class StartEventGrpcTests : IAsyncLifetime
{
    private StartEventTestHost _host = null!;

    private StartEventService.StartEventServiceClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await StartEventTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Flow_StartAssociateStatesTasksEnd_TypedClient()
    {
        var survey = new Struct { Fields = { ["Rating"] = Value.ForNumber(5) } };
        var start = new ServiceStartEvent { ContactKey = "ANI-1", ServiceType = Value.ForString("Billing"), EstDuration = 120 };
        start.Extensions = new Struct { Fields = { ["Survey"] = Value.ForStruct(survey), ["Offers"] = Value.ForList(Value.ForStruct(survey), Value.ForStruct(survey)) } };
        var serviceId = (await Client.StartServiceAsync(new StartServiceRequest { Tenant = "t1", Event = start })).ServiceId;

        var anonymous = await Client.QueryAnonymousServicesAsync(new QueryAnonymousServicesRequest { Tenant = "t1", ContactKey = "ANI-1" });
        Assert.Equal(serviceId, Assert.Single(anonymous.Services).ServiceId);

        await Client.AssociateServiceAsync(new AssociateServiceRequest { Tenant = "t1", CustomerId = "cust-1", ServiceId = serviceId });
        var stateId = (await Client.StartStateAsync(new StartStateRequest { Tenant = "t1", ServiceId = serviceId, Event = new StateStartEvent { StateType = Value.ForNumber(1) } })).StateId;
        var moved = await Client.TransitionStateAsync(new TransitionStateRequest
        {
            Tenant = "t1",
            ServiceId = serviceId,
            Event = new StateTransitionEvent { From = new TransitionFrom { StateId = stateId }, To = new TransitionTo { StateType = Value.ForNumber(8) } },
        });
        var taskId = (await Client.StartTaskAsync(new StartTaskRequest { Tenant = "t1", ServiceId = serviceId, Event = new TaskStartEvent { StateId = moved.StateId, TaskType = Value.ForNumber(3) } })).TaskId;
        await Client.EndTaskAsync(new EndTaskRequest { Tenant = "t1", ServiceId = serviceId, TaskId = taskId, Event = new EndEvent { Disposition = Value.ForString("done") } });
        await Client.EndStateAsync(new EndStateRequest { Tenant = "t1", ServiceId = serviceId, StateId = moved.StateId });
        await Client.EndServiceAsync(new EndServiceRequest { Tenant = "t1", ServiceId = serviceId, Event = new EndEvent { Disposition = Value.ForNumber(2) } });

        var service = (await Client.GetServiceAsync(new GetServiceRequest { Tenant = "t1", ServiceId = serviceId, CompletedStates = true, CompletedTasks = true })).Service;
        Assert.Equal("cust-1", service.CustomerId);
        Assert.Equal("Billing", service.ServiceType.StringValue);
        Assert.Equal(2, service.Completed.Disposition.NumberValue);
        Assert.Equal([stateId, moved.StateId], service.CompletedStates.Select(s => s.StateId));
        Assert.Equal(taskId, Assert.Single(service.CompletedTasks).TaskId);
        Assert.Equal(start.Extensions, service.Extensions);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", service.Started.Timestamp);

        var customer = await Client.QueryCustomerServicesAsync(new QueryCustomerServicesRequest { Tenant = "t1", CustomerId = "cust-1", Status = "completed" });
        Assert.Equal(serviceId, Assert.Single(customer.Services).ServiceId);
        var tasks = await Client.QueryTasksAsync(new QueryTasksRequest { Tenant = "t1", ServiceId = serviceId, StateId = moved.StateId });
        Assert.Equal(taskId, Assert.Single(tasks.Tasks).TaskId);
    }

    [Fact]
    public async Task StartService_NoKey_InvalidArgumentWithBadRequest()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.StartServiceAsync(new StartServiceRequest { Event = new ServiceStartEvent() }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal("customer_id", Assert.Single(badRequest.FieldViolations).Field);
    }

    [Fact]
    public async Task ConcurrentTaskStarts_OneService_AllRecordedWithDistinctIds()
    {
        var serviceId = (await Client.StartServiceAsync(new StartServiceRequest { Event = new ServiceStartEvent { CustomerId = "busy" } })).ServiceId;
        var starts = Enumerable.Range(0, 20).Select(_ => Client.StartTaskAsync(new StartTaskRequest { ServiceId = serviceId, Event = new TaskStartEvent() }).ResponseAsync);
        var ids = (await Task.WhenAll(starts)).Select(r => r.TaskId).ToList();
        Assert.Equal(20, ids.Distinct().Count());
        var listed = await Client.QueryTasksAsync(new QueryTasksRequest { ServiceId = serviceId, Status = "active" });
        Assert.Equal(ids.Order(), listed.Tasks.Select(t => t.TaskId));
    }
}
