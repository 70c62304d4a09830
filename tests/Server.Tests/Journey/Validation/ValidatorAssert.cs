using Google.Rpc;
using Grpc.Core;

namespace JourneyGrpc.Server.Tests.Journey.Validation;

/// <summary>Runs a validator and returns its field violations (none when it passes).</summary>
internal static class ValidatorAssert
{
    internal static IReadOnlyList<(string Field, string Message)> Violations(Action validate)
    {
        try
        {
            validate();
            return [];
        }
        catch (RpcException exception)
        {
            Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
            var badRequest = exception.GetRpcStatus()!.Details.Single(d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>();
            return [.. badRequest.FieldViolations.Select(v => (v.Field, v.Description))];
        }
    }

    /// <summary>Exactly one violation, of this field and message.</summary>
    internal static void Single(Action validate, string field, string message) =>
        Assert.Equal([(field, message)], Violations(validate));
}
