using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;

namespace JourneyGrpc.Conformance.Tests.Interop;

/// <summary>
/// grpc.testing.TestService as the interop spec's server features describe it
/// (https://github.com/grpc/grpc/blob/master/doc/interop-test-descriptions.md#server).
/// UnimplementedCall is deliberately not overridden.
/// </summary>
internal sealed class InteropTestService : TestService.TestServiceBase
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";
    // A response header Grpc.AspNetCore reads (and does not send) to compress this call's responses with gzip.
    private const string CompressionRequestKey = "grpc-internal-encoding-request";

    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        EnsureCompressedAsExpected(request.ExpectCompressed, context);
        await EchoMetadataAsync(context, compress: request.ResponseCompressed?.Value == true);
        EnsureEchoStatus(request.ResponseStatus);
        EnsurePayloadType(request.ResponseType);
        return new SimpleResponse { Payload = Payload(request.ResponseSize) };
    }

    public override Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context) => UnaryCall(request, context);

    public override async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context, compress: request.ResponseParameters.Any(p => p.Compressed?.Value == true));
        EnsurePayloadType(request.ResponseType);
        await WriteResponsesAsync(request, responseStream, context);
        EnsureEchoStatus(request.ResponseStatus);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        var total = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            EnsureCompressedAsExpected(requestStream.Current.ExpectCompressed, context);
            total += requestStream.Current.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context, compress: false);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            EnsureEchoStatus(request.ResponseStatus);
            EnsurePayloadType(request.ResponseType);
            await WriteResponsesAsync(request, responseStream, context);
        }
    }

    public override async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            requests.Add(requestStream.Current);
        }

        foreach (var request in requests)
        {
            EnsureEchoStatus(request.ResponseStatus);
            await WriteResponsesAsync(request, responseStream, context);
        }
    }

    private static async Task WriteResponsesAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                // The spec's interval_us: the server waits this long before each reply.
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }

            responseStream.WriteOptions = parameters.Compressed?.Value == true ? WriteOptions.Default : new WriteOptions(WriteFlags.NoCompress);
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payload(parameters.Size) });
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context, bool compress)
    {
        var headers = new Metadata();
        if (context.RequestHeaders.GetValue(EchoInitialKey) is { } initial)
        {
            headers.Add(EchoInitialKey, initial);
        }

        if (context.RequestHeaders.GetValueBytes(EchoTrailingKey) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailingKey, trailing);
        }

        if (compress)
        {
            headers.Add(CompressionRequestKey, "gzip");
        }

        if (headers.Count > 0)
        {
            await context.WriteResponseHeadersAsync(headers);
        }
    }

    private static void EnsureCompressedAsExpected(BoolValue? expectCompressed, ServerCallContext context)
    {
        // RequestHeaders leaves out grpc-* headers, so the request's encoding comes from the HTTP request.
        var encoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString();
        if (expectCompressed?.Value == true && encoding is "" or "identity")
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Expected a compressed request, but it was not compressed."));
        }
    }

    private static void EnsureEchoStatus(EchoStatus? status)
    {
        if (status is not null && status.Code != 0)
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    private static void EnsurePayloadType(PayloadType type)
    {
        if (type != PayloadType.Compressable)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Unsupported response_type {type}."));
        }
    }

    private static Payload Payload(int size) => new() { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(new byte[size]) };
}
