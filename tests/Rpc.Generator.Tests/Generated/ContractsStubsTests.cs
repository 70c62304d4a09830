using Google.Api;
using Google.Protobuf;
using JourneyGrpc.Bench.V1;
using JourneyGrpc.Rpc.Generator.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Generator.Tests.Generated;

/// <summary>The stubs the build generated into JourneyGrpc.Contracts, used as an application would.</summary>
public class ContractsStubsTests
{
    [Fact]
    public void Methods_EchoService_ListsBothMethodsWithKindsAndPaths()
    {
        var methods = EchoService.Methods;

        Assert.Collection(
            methods,
            method =>
            {
                var echo = Assert.IsType<Method<EchoRequest, EchoResponse>>(method);
                Assert.Equal(MethodType.Unary, echo.Type);
                Assert.Equal("/journeygrpc.bench.v1.EchoService/Echo", echo.FullName);
            },
            method =>
            {
                var stream = Assert.IsType<Method<EchoStreamRequest, EchoStreamResponse>>(method);
                Assert.Equal(MethodType.ServerStreaming, stream.Type);
                Assert.Equal("/journeygrpc.bench.v1.EchoService/EchoStream", stream.FullName);
            });
    }

    [Fact]
    public void Descriptor_EchoService_CarriesGoogleApiHttpThroughCommonProtos()
    {
        var echo = EchoService.Descriptor.FindMethodByName("Echo");

        var rule = echo.GetOptions().GetExtension(AnnotationsExtensions.Http);

        Assert.Equal("journeygrpc.bench.v1.EchoService", EchoService.Descriptor.FullName);
        Assert.Equal("/v1/echo", rule.Post);
        Assert.Equal("*", rule.Body);
    }

    [Fact]
    public void EchoRequest_Payload_IsByteCompatibleWithBytesValue()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFromUtf8("hi") };

        var asBytesValue = Google.Protobuf.WellKnownTypes.BytesValue.Parser.ParseFrom(request.ToByteArray());

        Assert.Equal("hi", asBytesValue.Value.ToStringUtf8());
    }

    [Fact]
    public void BindService_EchoImplementation_AnnouncesServiceThenBindsEachMethod()
    {
        var binder = new RecordingServiceBinder();

        EchoService.BindService(binder, new EmptyEchoService());

        Assert.Equal(
            [
                "service journeygrpc.bench.v1.EchoService",
                "Unary /journeygrpc.bench.v1.EchoService/Echo",
                "ServerStreaming /journeygrpc.bench.v1.EchoService/EchoStream",
            ],
            binder.Calls);
        Assert.IsType<UnaryServerMethod<EchoRequest, EchoResponse>>(binder.Handlers["Echo"]);
    }

    [Fact]
    public void BindService_NullImplementation_BindsMethodsWithoutHandlers()
    {
        var binder = new RecordingServiceBinder();

        EchoService.BindService(binder, null);

        Assert.Equal(3, binder.Calls.Count);
        Assert.All(binder.Handlers.Values, Assert.Null);
    }

    [Fact]
    public async Task BaseMethod_NotOverridden_ThrowsUnimplemented()
    {
        var service = new EmptyEchoService();

        var ex = await Assert.ThrowsAsync<RpcException>(() => service.Echo(new EchoRequest(), null!));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal(string.Empty, ex.Status.Detail);
    }

    [Fact]
    public void EchoAsync_HeadersAndDeadline_PassedToInvokerAsCallOptions()
    {
        var invoker = new RecordingCallInvoker();
        var client = new EchoService.EchoServiceClient(invoker);
        var request = new EchoRequest();
        var headers = new Metadata();
        var deadline = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        using var call = client.EchoAsync(request, headers, deadline);

        Assert.Same(EchoService.Methods[0], invoker.LastMethod);
        Assert.Same(request, invoker.LastRequest);
        Assert.Same(headers, invoker.LastOptions.Headers);
        Assert.Equal(deadline, invoker.LastOptions.Deadline);
    }

    [Fact]
    public void EchoStream_CallOptions_PassedToInvokerUnchanged()
    {
        var invoker = new RecordingCallInvoker();
        var client = new EchoService.EchoServiceClient(invoker);
        using var cancellation = new CancellationTokenSource();

        using var call = client.EchoStream(new EchoStreamRequest { Count = 3 }, new CallOptions(cancellationToken: cancellation.Token));

        Assert.Same(EchoService.Methods[1], invoker.LastMethod);
        Assert.Equal(cancellation.Token, invoker.LastOptions.CancellationToken);
    }

    private sealed class EmptyEchoService : EchoService.EchoServiceBase
    {
    }
}
