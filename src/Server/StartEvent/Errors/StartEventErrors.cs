using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.StartEvent.Errors;

/// <summary>The statuses the start-event service ends calls with; their messages are asserted by tests.</summary>
internal static class StartEventErrors
{
    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest listing every violation.</summary>
    internal static RpcException InvalidArgument(string subject, IReadOnlyList<BadRequest.Types.FieldViolation> violations) =>
        RichStatus.InvalidArgument($"{subject}: {string.Join("; ", violations.Select(v => $"{v.Field} {v.Description}"))}.", violations);

    /// <summary>NOT_FOUND for a service the tenant does not have.</summary>
    internal static RpcException ServiceNotFound(string tenant, long serviceId) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, $"Service {serviceId} does not exist in tenant '{tenant}'."));

    /// <summary>NOT_FOUND for a state the service does not have.</summary>
    internal static RpcException StateNotFound(long serviceId, int stateId) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, $"State {stateId} does not exist in service {serviceId}."));

    /// <summary>NOT_FOUND for a task the service does not have.</summary>
    internal static RpcException TaskNotFound(long serviceId, int taskId) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, $"Task {taskId} does not exist in service {serviceId}."));

    /// <summary>FAILED_PRECONDITION: a state or task cannot start on (or be changed in) an ended service.</summary>
    internal static RpcException ServiceEnded(long serviceId, string what) =>
        new(new Grpc.Core.Status(StatusCode.FailedPrecondition, $"Service {serviceId} has ended; {what}."));

    /// <summary>FAILED_PRECONDITION: a resource already ended with another end event.</summary>
    internal static RpcException EndedDifferently(string resource) =>
        new(new Grpc.Core.Status(StatusCode.FailedPrecondition, $"{resource} has already ended with a different end event."));

    /// <summary>FAILED_PRECONDITION: a transition must end an active state.</summary>
    internal static RpcException StateEnded(long serviceId, int stateId) =>
        new(new Grpc.Core.Status(StatusCode.FailedPrecondition, $"State {stateId} of service {serviceId} has ended; a transition must start from an active state."));

    /// <summary>RESOURCE_EXHAUSTED: the tenant used every id of a kind.</summary>
    internal static RpcException IdsExhausted(string kind, string tenant) =>
        new(new Grpc.Core.Status(StatusCode.ResourceExhausted, $"Tenant '{tenant}' has used every {kind} id."));
}
