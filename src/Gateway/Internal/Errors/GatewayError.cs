using JourneyGrpc.Gateway.Internal.Binding;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using RpcStatus = Google.Rpc.Status;

namespace JourneyGrpc.Gateway.Internal.Errors;

/// <summary>
/// A failed REST request before it is rendered: the google.rpc.Status (code, message, typed
/// details) and, for errors the gateway raises itself (404, 405, 413, 415), the HTTP status.
/// </summary>
internal sealed class GatewayError
{
    private GatewayError(RpcStatus status, int? httpStatus)
    {
        Status = status;
        HttpStatus = httpStatus;
    }

    internal RpcStatus Status { get; }

    /// <summary>Set when the HTTP status is not the status table's.</summary>
    internal int? HttpStatus { get; }

    internal IReadOnlyList<string>? Allow { get; init; }

    /// <summary>Set on a 500 the gateway answers for a failure on the server (<see cref="Fault"/>): the id of its log line.</summary>
    internal string? CorrelationId { get; init; }

    internal StatusCode Code => (StatusCode)Status.Code;

    /// <summary>A failed call: its status, with the details of its <c>grpc-status-details-bin</c> when present.</summary>
    internal static GatewayError FromRpc(RpcException exception)
    {
        var rich = exception.GetRpcStatus();
        if (rich is null || rich.Code != (int)exception.StatusCode)
        {
            rich = new RpcStatus { Code = (int)exception.StatusCode, Message = exception.Status.Detail };
        }

        return new GatewayError(rich, null);
    }

    /// <summary>A request the gateway could not bind: INVALID_ARGUMENT with one BadRequest field violation, as the services report theirs.</summary>
    internal static GatewayError FromBinding(BindingException exception) =>
        new(new RpcStatus
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = exception.Message,
            Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = exception.Field, Description = exception.Description } } }) },
        }, null);

    /// <summary>HTTP 405 with the methods the path allows; UNIMPLEMENTED in the body, as grpc-gateway's routing errors.</summary>
    internal static GatewayError MethodNotAllowed(string message, IReadOnlyList<string> allow) =>
        new(new RpcStatus { Code = (int)StatusCode.Unimplemented, Message = message }, 405) { Allow = allow };

    /// <summary>
    /// A failure on the server (an exception, or a call that ended UNKNOWN): 500 whatever the route's status
    /// table says, a fixed message that names the correlation id and never the exception, and the id as
    /// google.rpc.RequestInfo.request_id, the field google.rpc defines for finding a request in the logs.
    /// </summary>
    internal static GatewayError Fault(StatusCode code, string correlationId) =>
        new(new RpcStatus
        {
            Code = (int)code,
            Message = $"The server failed to handle this request; correlation id {correlationId}.",
            Details = { Any.Pack(new RequestInfo { RequestId = correlationId }) },
        }, StatusCodes.Status500InternalServerError) { CorrelationId = correlationId };

    internal static GatewayError Create(StatusCode code, string message, int? httpStatus = null) =>
        new(new RpcStatus { Code = (int)code, Message = message }, httpStatus);

    internal IEnumerable<(string Field, string Message)> FieldViolations()
    {
        foreach (var detail in Status.Details)
        {
            if (detail.Is(Google.Rpc.BadRequest.Descriptor))
            {
                foreach (var violation in detail.Unpack<Google.Rpc.BadRequest>().FieldViolations)
                {
                    yield return (violation.Field, violation.Description);
                }
            }
        }
    }

    public override string ToString() => Status.ToString();

}
