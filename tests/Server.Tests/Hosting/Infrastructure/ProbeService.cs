using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Server.Hosting.Grpc;

namespace JourneyGrpc.Server.Tests.Hosting.Infrastructure;

/// <summary>
/// A tiny service the tests steer (hold a unary call open, keep a stream open, fail), hosted by Grpc.AspNetCore
/// as the domain services are.
/// </summary>
internal sealed class ProbeService(ProbeSignals signals) : ProbeServiceBase
{
    public override async Task<StringValue> Hold(StringValue request, ServerCallContext context)
    {
        signals.HoldStarted.TrySetResult();
        await signals.HoldReleased.Task.ConfigureAwait(false);
        return new StringValue { Value = context.CancellationToken.IsCancellationRequested ? "cancelled" : "finished" };
    }

    public override Task<StringValue> Fail(StringValue request, ServerCallContext context) =>
        throw new InvalidOperationException(ProbeSignals.Secret);

    public override Task<StringValue> Reject(StringValue request, ServerCallContext context) =>
        throw RichStatus.InvalidArgument("account_id must be 6 letters.", [new BadRequest.Types.FieldViolation { Field = "account_id", Description = "must be 6 letters" }]);

    public override async Task Stream(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(request).ConfigureAwait(false);
        await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken).ConfigureAwait(false);
    }

    public override async Task StreamUntilCancelled(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(request).ConfigureAwait(false);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = context.CancellationToken.Register(cancelled.SetResult);
        await cancelled.Task.ConfigureAwait(false);
    }

    public override async Task StreamThenFail(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(request).ConfigureAwait(false);
        throw new InvalidOperationException(ProbeSignals.Secret);
    }

    public override async Task<StringValue> Collect(IAsyncStreamReader<StringValue> requestStream, ServerCallContext context)
    {
        var count = 0;
        await foreach (var _ in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            count++;
            signals.FirstCollected.TrySetResult();
        }

        return new StringValue { Value = count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public override async Task Chat(IAsyncStreamReader<StringValue> requestStream, IServerStreamWriter<StringValue> responseStream, ServerCallContext context)
    {
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(message).ConfigureAwait(false);
        }
    }
}
