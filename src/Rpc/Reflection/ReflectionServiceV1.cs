using Grpc.Reflection.V1;

namespace JourneyGrpc.Rpc.Reflection;

/// <summary><c>grpc.reflection.v1.ServerReflection</c>.</summary>
internal sealed class ReflectionServiceV1(DescriptorIndexProvider indexProvider) : ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        var responder = new ReflectionResponder(indexProvider.Index);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(responder.Respond(requestStream.Current), context.CancellationToken).ConfigureAwait(false);
        }
    }
}
