using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.InProcess;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Rpc.Tests.InProcess;

/// <summary>The in-process invoker runs the very handlers MapRpcService bound, with gRPC's call semantics.</summary>
public sealed class InProcessCallInvokerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly Method<BytesValue, BytesValue> Unary = TestMethods.Create(MethodType.Unary, "Unary");
    private static readonly Method<BytesValue, BytesValue> Stream = TestMethods.Create(MethodType.ServerStreaming, "Stream");
    private static readonly Method<BytesValue, BytesValue> Collect = TestMethods.Create(MethodType.ClientStreaming, "Collect");
    private static readonly Method<BytesValue, BytesValue> Duplex = TestMethods.Create(MethodType.DuplexStreaming, "Duplex");

    [Fact]
    public async Task AsyncUnaryCall_SameTypes_PassesInstancesWithoutSerialization()
    {
        BytesValue? seen = null;
        var reply = new BytesValue { Value = ByteString.CopyFromUtf8("out") };
        await using var server = await StartAsync(new DynamicService().AddUnary(Unary, (request, _) =>
        {
            seen = request;
            return Task.FromResult(reply);
        }));
        var request = new BytesValue { Value = ByteString.CopyFromUtf8("in") };

        var response = await Invoker(server).AsyncUnaryCall(Unary, null, default, request).ResponseAsync.WaitAsync(Bound);

        Assert.Same(request, seen);
        Assert.Same(reply, response);
    }

    [Fact]
    public async Task AsyncUnaryCall_OtherCallerType_Remarshals()
    {
        await using var server = await StartAsync(new DynamicService().AddUnary(Unary, (request, _) => Task.FromResult(new BytesValue { Value = ByteString.CopyFromUtf8(request.Value.ToStringUtf8() + "!") })));
        var marshaller = Marshallers.ForMessage(StringValue.Parser);
        var caller = new Method<StringValue, StringValue>(MethodType.Unary, TestMethods.ServiceName, "Unary", marshaller, marshaller);

        var response = await Invoker(server).AsyncUnaryCall(caller, null, default, new StringValue { Value = "hi" }).ResponseAsync.WaitAsync(Bound);

        Assert.Equal("hi!", response.Value);
    }

    [Fact]
    public async Task AsyncUnaryCall_HeadersTrailersAndRequestMetadata_FlowBothWays()
    {
        await using var server = await StartAsync(new DynamicService().AddUnary(Unary, async (request, context) =>
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-h", context.RequestHeaders.GetValue("x-in") ?? "none" } });
            context.ResponseTrailers.Add("x-t", "2");
            return request;
        }));

        using var call = Invoker(server).AsyncUnaryCall(Unary, null, new CallOptions(new Metadata { { "x-in", "1" } }), new BytesValue());
        await call.ResponseAsync.WaitAsync(Bound);

        Assert.Equal(("1", "2", StatusCode.OK), ((await call.ResponseHeadersAsync).GetValue("x-h"), call.GetTrailers().GetValue("x-t"), call.GetStatus().StatusCode));
    }

    [Theory]
    [InlineData(false, StatusCode.NotFound, "gone")]
    [InlineData(true, StatusCode.Internal, "Exception was thrown by handler.")]
    public async Task AsyncUnaryCall_HandlerFails_StatusAsOverTheWire(bool plainException, StatusCode code, string detail)
    {
        await using var server = await StartAsync(new DynamicService().AddUnary<BytesValue, BytesValue>(Unary, (_, context) =>
        {
            context.ResponseTrailers.Add("x-t", "kept");
            throw plainException ? new InvalidOperationException("secret") : new RpcException(new Status(StatusCode.NotFound, "gone"));
        }));

        using var call = Invoker(server).AsyncUnaryCall(Unary, null, default, new BytesValue());
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));

        Assert.Equal((code, detail, "kept"), (exception.StatusCode, exception.Status.Detail, exception.Trailers.GetValue("x-t")));
    }

    [Fact]
    public async Task AsyncUnaryCall_DeadlinePasses_DeadlineExceededAndHandlerCancelled()
    {
        var handlerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(new DynamicService().AddUnary<BytesValue, BytesValue>(Unary, async (_, context) =>
        {
            await WaitForCancellationAsync(context.CancellationToken, handlerCancelled);
            throw new InvalidOperationException("unreachable");
        }));

        using var call = Invoker(server).AsyncUnaryCall(Unary, null, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(100)), new BytesValue());
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));
        await handlerCancelled.Task.WaitAsync(Bound);

        Assert.Equal((StatusCode.DeadlineExceeded, "Deadline Exceeded"), (exception.StatusCode, exception.Status.Detail));
    }

    [Fact]
    public async Task AsyncUnaryCall_CallerCancels_CancelledAndHandlerCancelled()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(new DynamicService().AddUnary<BytesValue, BytesValue>(Unary, async (_, context) =>
        {
            started.SetResult();
            await WaitForCancellationAsync(context.CancellationToken, handlerCancelled);
            throw new InvalidOperationException("unreachable");
        }));
        using var cancellation = new CancellationTokenSource();

        using var call = Invoker(server).AsyncUnaryCall(Unary, null, new CallOptions(cancellationToken: cancellation.Token), new BytesValue());
        await started.Task.WaitAsync(Bound);
        await cancellation.CancelAsync();
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));
        await handlerCancelled.Task.WaitAsync(Bound);

        Assert.Equal((StatusCode.Cancelled, "Call canceled by the client."), (exception.StatusCode, exception.Status.Detail));
    }

    [Theory]
    [InlineData(TestMethods.ServiceName, "Missing", "Method is unimplemented.")]
    [InlineData("other.v1.Service", "Unary", "Service is unimplemented.")]
    public async Task AsyncUnaryCall_Unmapped_Unimplemented(string service, string name, string detail)
    {
        await using var server = await StartAsync(new DynamicService().AddUnary(Unary, (request, _) => Task.FromResult(request)));
        var method = new Method<BytesValue, BytesValue>(MethodType.Unary, service, name, TestMethods.Marshaller, TestMethods.Marshaller);

        var exception = await Assert.ThrowsAsync<RpcException>(() => Invoker(server).AsyncUnaryCall(method, null, default, new BytesValue()).ResponseAsync.WaitAsync(Bound));

        Assert.Equal((StatusCode.Unimplemented, detail), (exception.StatusCode, exception.Status.Detail));
    }

    [Fact]
    public async Task AsyncServerStreamingCall_HandlerReusesInstance_ReaderGetsEachValueThenStatus()
    {
        await using var server = await StartAsync(new DynamicService().AddServerStreaming<BytesValue, BytesValue>(Stream, async (request, stream, _) =>
        {
            var message = new BytesValue();
            for (var i = 0; i < 20; i++)
            {
                message.Value = ByteString.CopyFrom((byte)i);
                await stream.WriteAsync(message);
            }

            throw new RpcException(new Status(StatusCode.DataLoss, "after 20"));
        }));

        using var call = Invoker(server).AsyncServerStreamingCall(Stream, null, default, new BytesValue());
        var values = new List<byte>();
        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound))
            {
                values.Add(call.ResponseStream.Current.Value[0]);
            }
        });

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), values);
        Assert.Equal((StatusCode.DataLoss, "after 20"), (exception.StatusCode, call.GetStatus().Detail));
    }

    [Fact]
    public async Task AsyncClientStreamingAndDuplex_RoundTrip()
    {
        await using var server = await StartAsync(new DynamicService()
            .AddClientStreaming<BytesValue, BytesValue>(Collect, async (requests, context) =>
            {
                var total = new List<byte>();
                while (await requests.MoveNext(context.CancellationToken))
                {
                    total.AddRange(requests.Current.Value);
                }

                return new BytesValue { Value = ByteString.CopyFrom([.. total]) };
            })
            .AddDuplex<BytesValue, BytesValue>(Duplex, async (requests, responses, context) =>
            {
                while (await requests.MoveNext(context.CancellationToken))
                {
                    await responses.WriteAsync(requests.Current);
                }
            }));
        var invoker = Invoker(server);

        using var collect = invoker.AsyncClientStreamingCall(Collect, null, default);
        await collect.RequestStream.WriteAsync(new BytesValue { Value = ByteString.CopyFrom(1) });
        await collect.RequestStream.WriteAsync(new BytesValue { Value = ByteString.CopyFrom(2) });
        await collect.RequestStream.CompleteAsync();
        var collected = await collect.ResponseAsync.WaitAsync(Bound);

        using var duplex = invoker.AsyncDuplexStreamingCall(Duplex, null, default);
        await duplex.RequestStream.WriteAsync(new BytesValue { Value = ByteString.CopyFrom(7) });
        Assert.True(await duplex.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));
        var echoed = duplex.ResponseStream.Current.Value[0];
        await duplex.RequestStream.CompleteAsync();
        Assert.False(await duplex.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));

        Assert.Equal(("0102", (byte)7, StatusCode.OK), (Convert.ToHexString(collected.Value.ToByteArray()), echoed, duplex.GetStatus().StatusCode));
    }

    [Fact]
    public async Task Services_MappedService_DescriptorsListed()
    {
        await using var server = await KestrelTestServer.StartAsync(endpoints => endpoints.MapRpcHealthService());

        Assert.Equal(["grpc.health.v1.Health"], server.Services.GetRequiredService<InProcessRpcServices>().Services.Select(s => s.FullName));
    }

    private static async Task WaitForCancellationAsync(CancellationToken token, TaskCompletionSource cancelled)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            cancelled.SetResult();
            throw;
        }
    }

    private static Task<KestrelTestServer> StartAsync(DynamicService service) => KestrelTestServer.StartAsync(service);

    private static CallInvoker Invoker(KestrelTestServer server) => server.Services.GetRequiredService<InProcessRpcServices>().CallInvoker;
}
