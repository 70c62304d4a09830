using Google.Rpc;
using Grpc.Core;

namespace JourneyGrpc.Server.Tests.Journey.Infrastructure;

/// <summary>Assertions on typed errors (google.rpc.Status in grpc-status-details-bin).</summary>
internal static class RpcAssert
{
    /// <summary>The call fails with INVALID_ARGUMENT carrying a BadRequest violation of exactly this field and message.</summary>
    internal static async Task InvalidArgumentAsync(Func<Task> call, string field, string message)
    {
        var violations = await ViolationsAsync(call);
        Assert.Contains((field, message), violations);
    }

    internal static async Task<IReadOnlyList<(string Field, string Message)>> ViolationsAsync(Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status!.Details.Single(d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>();
        return [.. badRequest.FieldViolations.Select(v => (v.Field, v.Description))];
    }

    internal static async Task<RpcException> FailsAsync(Func<Task> call, StatusCode code)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        return exception;
    }
}
