using JourneyGrpc.Gateway.TestService.V1;
using Grpc.Core;

namespace JourneyGrpc.Gateway.TestService;

/// <summary>Genesys-like behaviour: a form-carried JSON profile, 64-bit ids.</summary>
public sealed class LegacyGenesysTestServiceImpl : LegacyGenesysTestService.LegacyGenesysTestServiceBase
{
    public override Task<EngageResponse> Engage(EngageRequest request, ServerCallContext context) =>
        request.IxnProfile is null || !request.IxnProfile.Fields.TryGetValue("visitID", out var visit)
            ? throw new RpcException(new Status(StatusCode.InvalidArgument, "ixnProfile.visitID is required."))
            : visit.StringValue == FaultInjection.ThrowTrigger
                ? throw FaultInjection.Exception()
                : Task.FromResult(new EngageResponse { VisitId = visit.StringValue, IxnProfile = request.IxnProfile });

    public override Task<GetContextServiceResponse> GetContextService(GetContextServiceRequest request, ServerCallContext context) =>
        Task.FromResult(new GetContextServiceResponse { ServiceId = request.ServiceId, ServiceType = "Sales" });

    public override Task<EndContextServiceResponse> EndContextService(EndContextServiceRequest request, ServerCallContext context) => request.ServiceId switch
    {
        > 1000 => throw new RpcException(new Status(StatusCode.NotFound, $"Service {request.ServiceId} does not exist.")),
        _ when request.Disposition == FaultInjection.ThrowTrigger => throw FaultInjection.Exception(),
        _ => Task.FromResult(new EndContextServiceResponse()),
    };
}
