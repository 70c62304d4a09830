using Google.Protobuf;
using Alpha = Grpc.Reflection.V1Alpha;
using V1 = Grpc.Reflection.V1;

namespace JourneyGrpc.Rpc.Reflection;

/// <summary>
/// <c>grpc.reflection.v1alpha.ServerReflection</c>, still the only version many tools speak. Its
/// messages are wire-identical to v1's, so requests and responses convert by re-parsing.
/// </summary>
internal sealed class ReflectionServiceV1Alpha(DescriptorIndexProvider indexProvider) : Alpha.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<Alpha.ServerReflectionRequest> requestStream, IServerStreamWriter<Alpha.ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        var responder = new ReflectionResponder(indexProvider.Index);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var response = Alpha.ServerReflectionResponse.Parser.ParseFrom(responder.Respond(request).ToByteString());
            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
