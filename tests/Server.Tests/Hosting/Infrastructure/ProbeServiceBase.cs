using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace JourneyGrpc.Server.Tests.Hosting.Infrastructure;

/// <summary>
/// The shape Grpc.Tools gives a service base, written by hand for <see cref="ProbeMethods"/>: Grpc.AspNetCore
/// finds <see cref="BindService"/> through <see cref="BindServiceMethodAttribute"/> and binds each method by
/// name to the override of the abstract method declared here.
/// </summary>
[BindServiceMethod(typeof(ProbeServiceBase), nameof(BindService))]
internal abstract class ProbeServiceBase
{
    /// <summary>Grpc.AspNetCore calls this with no instance; only the methods and their kinds matter.</summary>
    public static void BindService(ServiceBinderBase binder, ProbeServiceBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(ProbeMethods.Hold, service is null ? null : service.Hold);
        binder.AddMethod(ProbeMethods.Fail, service is null ? null : service.Fail);
        binder.AddMethod(ProbeMethods.Reject, service is null ? null : service.Reject);
        binder.AddMethod(ProbeMethods.Stream, service is null ? null : service.Stream);
        binder.AddMethod(ProbeMethods.StreamUntilCancelled, service is null ? null : service.StreamUntilCancelled);
        binder.AddMethod(ProbeMethods.StreamThenFail, service is null ? null : service.StreamThenFail);
        binder.AddMethod(ProbeMethods.Collect, service is null ? null : service.Collect);
        binder.AddMethod(ProbeMethods.Chat, service is null ? null : service.Chat);
    }

    public abstract Task<StringValue> Hold(StringValue request, ServerCallContext context);

    public abstract Task<StringValue> Fail(StringValue request, ServerCallContext context);

    public abstract Task<StringValue> Reject(StringValue request, ServerCallContext context);

    public abstract Task Stream(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context);

    public abstract Task StreamUntilCancelled(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context);

    public abstract Task StreamThenFail(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context);

    public abstract Task<StringValue> Collect(IAsyncStreamReader<StringValue> requestStream, ServerCallContext context);

    public abstract Task Chat(IAsyncStreamReader<StringValue> requestStream, IServerStreamWriter<StringValue> responseStream, ServerCallContext context);
}
