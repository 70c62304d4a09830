using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using JourneyGrpc.Gateway.Internal.Routing;
using JourneyGrpc.Gateway.TestService.InProcess.V1;
using JourneyGrpc.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Gateway.Tests.Internal.InProcess;

/// <summary>
/// The invoker the in-process gateway creates per REST request runs the handlers MapGrpcService bound
/// (through their interceptors), with gRPC's call semantics. Time is an <see cref="ObservableTimeProvider"/>.
/// </summary>
public sealed class InProcessCallInvokerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly string ServiceName = InProcessTestService.Descriptor.FullName;

    private readonly ObservableTimeProvider _time = new();
    private ProbeHost _host = null!;
    private AsyncServiceScope _scope;

    public Task InitializeAsync()
    {
        _host = ProbeHost.Build(services => services.AddSingleton<TimeProvider>(_time));
        _scope = _host.App.Services.CreateAsyncScope();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AsyncUnaryCall_SameTypes_PassesInstancesWithoutSerialization()
    {
        var key = CallProbe.NewKey();
        var request = new ProbeRequest { Text = "in" };

        var response = await Client().ProbeAsync(request, Keyed(key)).ResponseAsync.WaitAsync(Bound);

        var record = _host.Probe.For(key);
        Assert.Same(request, record.Request);
        Assert.Same(record.Response, response);
    }

    [Fact]
    public async Task AsyncUnaryCall_OtherCallerType_Remarshals()
    {
        // StringValue and ProbeRequest/ProbeResponse share field 1 (a string) on the wire.
        var marshaller = Marshallers.Create(static (StringValue value) => value.ToByteArray(), StringValue.Parser.ParseFrom);
        var caller = new Method<StringValue, StringValue>(MethodType.Unary, ServiceName, "Probe", marshaller, marshaller);

        var response = await Invoker().AsyncUnaryCall(caller, null, default, new StringValue { Value = "hi" }).ResponseAsync.WaitAsync(Bound);

        Assert.Equal("echo: hi", response.Value);
    }

    [Fact]
    public async Task AsyncUnaryCall_HeadersTrailersAndRequestMetadata_FlowBothWays()
    {
        var request = new ProbeRequest { Headers = { ["x-h"] = "1" }, Trailers = { ["x-t"] = "2" } };

        using var call = Client().ProbeAsync(request, new Metadata { { "x-in", "3" } });
        var response = await call.ResponseAsync.WaitAsync(Bound);

        Assert.Equal(
            ("1", "2", StatusCode.OK, "3"),
            ((await call.ResponseHeadersAsync).GetValue("x-h"), call.GetTrailers().GetValue("x-t"), call.GetStatus().StatusCode, response.Metadata["x-in"]));
    }

    [Theory]
    [InlineData(ProbeAction.Fail, StatusCode.NotFound, "gone")]
    [InlineData(ProbeAction.Throw, StatusCode.Unknown, "Exception was thrown by handler.")]
    public async Task AsyncUnaryCall_HandlerFails_StatusAsOverTheWire(ProbeAction action, StatusCode code, string detail)
    {
        var request = new ProbeRequest { Action = action, Code = (int)StatusCode.NotFound, Text = "gone", Trailers = { ["x-t"] = "kept" } };

        using var call = Client().ProbeAsync(request);
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));

        Assert.Equal((code, detail, "kept"), (exception.StatusCode, exception.Status.Detail, exception.Trailers.GetValue("x-t")));
        Assert.Equal((code, detail), (call.GetStatus().StatusCode, call.GetStatus().Detail));
    }

    [Fact]
    public async Task AsyncUnaryCall_DetailedErrorsForTheService_SameTextAsGrpcAspNetCore()
    {
        // Detailed errors on for this service only: its options win over the global ones.
        await using var host = await ProbeHost.StartAsync(configure: services => services.AddGrpc().AddServiceOptions<ProbeService>(o => o.EnableDetailedErrors = true));
        var request = new ProbeRequest { Action = ProbeAction.Throw, Text = "x" };
        using var scope = host.App.Services.CreateScope();

        var inProcess = await Assert.ThrowsAsync<RpcException>(() => new InProcessTestService.InProcessTestServiceClient(host.Invoker(new DefaultHttpContext { RequestServices = scope.ServiceProvider })).ProbeAsync(request).ResponseAsync.WaitAsync(Bound));
        var overGrpc = await Assert.ThrowsAsync<RpcException>(() => new InProcessTestService.InProcessTestServiceClient(host.Grpc).ProbeAsync(request).ResponseAsync.WaitAsync(Bound));

        Assert.Equal((StatusCode.Unknown, "Exception was thrown by handler. InvalidOperationException: secret x FormatException: inner secret"), (inProcess.StatusCode, inProcess.Status.Detail));
        Assert.Equal((overGrpc.StatusCode, overGrpc.Status.Detail), (inProcess.StatusCode, inProcess.Status.Detail));
    }

    [Fact]
    public async Task AsyncUnaryCall_HandlerReturnsNull_InternalNoMessage()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => Client().ProbeAsync(new ProbeRequest { Action = ProbeAction.ReturnNull }).ResponseAsync.WaitAsync(Bound));

        Assert.Equal((StatusCode.Internal, "No message returned from method."), (exception.StatusCode, exception.Status.Detail));
    }

    [Fact]
    public async Task AsyncUnaryCall_DeadlinePasses_DeadlineExceededAndHandlerCancelled()
    {
        var key = CallProbe.NewKey();
        var record = _host.Probe.For(key);
        var deadline = _time.GetUtcNow().UtcDateTime.AddSeconds(1);

        using var call = Client().ProbeAsync(new ProbeRequest { Action = ProbeAction.Wait }, Keyed(key), deadline);
        await record.Started.Task.WaitAsync(Bound);
        _time.Advance(TimeSpan.FromSeconds(1));
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));
        await record.Cancelled.Task.WaitAsync(Bound);

        Assert.Equal((StatusCode.DeadlineExceeded, "Deadline Exceeded", deadline), (exception.StatusCode, exception.Status.Detail, record.Deadline));
    }

    [Fact]
    public async Task AsyncUnaryCall_DeadlineBeyondTheTimerLimit_ExpiresAtTheDeadline()
    {
        // A timer waits at most ~49.7 days; a deadline further away must neither throw nor fire early.
        var key = CallProbe.NewKey();
        var record = _host.Probe.For(key);
        var start = _time.GetUtcNow();

        using var call = Client().ProbeAsync(new ProbeRequest { Action = ProbeAction.Wait }, Keyed(key), start.UtcDateTime.AddDays(60));
        await record.Started.Task.WaitAsync(Bound);
        _time.Advance(TimeSpan.FromDays(50));
        var nextDue = _time.NextDue;
        _time.Advance(TimeSpan.FromDays(10));
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));

        Assert.Equal((start.AddDays(60), StatusCode.DeadlineExceeded), (nextDue, exception.StatusCode));
    }

    [Fact]
    public async Task AsyncUnaryCall_CallerCancels_CancelledAndHandlerCancelled()
    {
        var key = CallProbe.NewKey();
        var record = _host.Probe.For(key);
        using var cancellation = new CancellationTokenSource();

        using var call = Client().ProbeAsync(new ProbeRequest { Action = ProbeAction.Wait }, Keyed(key), cancellationToken: cancellation.Token);
        await record.Started.Task.WaitAsync(Bound);
        await cancellation.CancelAsync();
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));
        await record.Cancelled.Task.WaitAsync(Bound);

        Assert.Equal((StatusCode.Cancelled, "Call canceled by the client."), (exception.StatusCode, exception.Status.Detail));
    }

    [Fact]
    public async Task AsyncUnaryCall_CallerTokenAlreadyCancelled_HandlerNotCalled()
    {
        var key = CallProbe.NewKey();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        using var call = Client().ProbeAsync(new ProbeRequest(), Keyed(key), cancellationToken: cancellation.Token);
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));

        Assert.Equal((StatusCode.Cancelled, false), (exception.StatusCode, _host.Probe.Contains(key)));
    }

    [Theory]
    [InlineData("journeygrpc.gatewaytest.inprocess.v1.InProcessTestService", "Nope", "Method is unimplemented.")]
    [InlineData("other.v1.Service", "Probe", "Service is unimplemented.")]
    public async Task AsyncCall_Unmapped_UnimplementedForEveryKind(string service, string name, string detail)
    {
        var marshaller = Marshallers.Create(static (StringValue value) => value.ToByteArray(), StringValue.Parser.ParseFrom);
        Method<StringValue, StringValue> Of(MethodType type) => new(type, service, name, marshaller, marshaller);
        var invoker = Invoker();

        var unary = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(Of(MethodType.Unary), null, default, new StringValue()).ResponseAsync);
        var serverStreaming = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncServerStreamingCall(Of(MethodType.ServerStreaming), null, default, new StringValue()).ResponseStream.MoveNext(CancellationToken.None));
        var clientStreaming = invoker.AsyncClientStreamingCall(Of(MethodType.ClientStreaming), null, default);
        var write = await Assert.ThrowsAsync<RpcException>(() => clientStreaming.RequestStream.WriteAsync(new StringValue()));
        var response = await Assert.ThrowsAsync<RpcException>(() => clientStreaming.ResponseAsync);
        var duplex = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncDuplexStreamingCall(Of(MethodType.DuplexStreaming), null, default).ResponseStream.MoveNext(CancellationToken.None));

        Assert.All([unary, serverStreaming, write, response, duplex], e => Assert.Equal((StatusCode.Unimplemented, detail), (e.StatusCode, e.Status.Detail)));
    }

    [Fact]
    public async Task AsyncServerStreamingCall_HandlerReusesInstance_ReaderGetsEachValueThenStatus()
    {
        using var call = Client().Count(new CountRequest { Count = 20, FailCode = (int)StatusCode.DataLoss });
        var values = new List<int>();
        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound))
            {
                values.Add(call.ResponseStream.Current.N);
            }
        });

        Assert.Equal(Enumerable.Range(1, 20), values);
        Assert.Equal((StatusCode.DataLoss, "Failed after 20."), (exception.StatusCode, call.GetStatus().Detail));
    }

    [Fact]
    public async Task AsyncServerStreamingCall_GatewayMethod_EachMessageCopiedThroughContextualMarshallers()
    {
        // The gateway's own method: IMessage with descriptor marshallers; the handler's are Grpc.Tools'.
        var rpc = GatewayMethod.CreateRpc(InProcessTestService.Descriptor.FindMethodByName("Count"));

        using var call = Invoker().AsyncServerStreamingCall(rpc, null, default, new CountRequest { Count = 3 });
        var messages = new List<IMessage>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound))
        {
            messages.Add(call.ResponseStream.Current);
        }

        Assert.Equal([1, 2, 3], messages.Cast<CountResponse>().Select(m => m.N));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task AsyncServerStreamingCall_ReadCancelled_EndsAtOnceAndHandlerCancelled()
    {
        var key = CallProbe.NewKey();
        var record = _host.Probe.For(key);
        using var cancellation = new CancellationTokenSource();

        // The handler writes 3 messages into the stream, then waits.
        using var call = Client().Count(new CountRequest { Count = 3, Hold = true }, Keyed(key));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));
        await cancellation.CancelAsync();
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(cancellation.Token).WaitAsync(Bound));
        await record.Cancelled.Task.WaitAsync(Bound);

        Assert.Equal((StatusCode.Cancelled, "Call canceled by the client."), (exception.StatusCode, exception.Status.Detail));
    }

    [Fact]
    public async Task AsyncServerStreamingCall_Disposed_HandlerCancelled()
    {
        var key = CallProbe.NewKey();
        var record = _host.Probe.For(key);

        var call = Client().Count(new CountRequest { Count = 1, Hold = true }, Keyed(key));
        await record.Started.Task.WaitAsync(Bound);
        call.Dispose();
        await record.Cancelled.Task.WaitAsync(Bound);

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ApplicationStopping_OpenStreamAndUnaryCall_StreamEndsUnavailableUnaryLeftToFinish()
    {
        var streamKey = CallProbe.NewKey();
        var unaryKey = CallProbe.NewKey();
        using var cancellation = new CancellationTokenSource();

        using var stream = Client().Count(new CountRequest { Count = 1, Hold = true }, Keyed(streamKey));
        using var unary = Client().ProbeAsync(new ProbeRequest { Action = ProbeAction.Wait }, Keyed(unaryKey), cancellationToken: cancellation.Token);
        await Task.WhenAll(_host.Probe.For(streamKey).Started.Task, _host.Probe.For(unaryKey).Started.Task).WaitAsync(Bound);

        // ApplicationStopping's callbacks run inside StopApplication: the stream has ended when it returns.
        _host.App.Lifetime.StopApplication();
        var unaryEndedByStopping = unary.ResponseAsync.IsCompleted;
        var first = await stream.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound) ? stream.ResponseStream.Current.N : 0;
        var streamEnd = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));
        await cancellation.CancelAsync();
        var unaryEnd = await Assert.ThrowsAsync<RpcException>(() => unary.ResponseAsync.WaitAsync(Bound));

        // Messages written before the end are still read, as they precede the trailers on the wire.
        Assert.Equal((false, 1), (unaryEndedByStopping, first));
        Assert.Equal((StatusCode.Unavailable, "Server is shutting down."), (streamEnd.StatusCode, streamEnd.Status.Detail));
        Assert.Equal(StatusCode.Cancelled, unaryEnd.StatusCode);
    }

    [Fact]
    public async Task AsyncClientStreamingAndDuplex_RoundTrip()
    {
        var client = Client();

        using var join = client.Join();
        await join.RequestStream.WriteAsync(new JoinRequest { Text = "a" });
        await join.RequestStream.WriteAsync(new JoinRequest { Text = "b" });
        await join.RequestStream.CompleteAsync();
        var joined = await join.ResponseAsync.WaitAsync(Bound);

        using var echo = client.Echo();
        await echo.RequestStream.WriteAsync(new EchoRequest { Text = "x" });
        Assert.True(await echo.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));
        var echoed = echo.ResponseStream.Current.Text;
        await echo.RequestStream.CompleteAsync();
        Assert.False(await echo.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));

        Assert.Equal(("a,b", "x", StatusCode.OK), (joined.Text, echoed, echo.GetStatus().StatusCode));
    }

    [Fact]
    public async Task AsyncClientStreamingCall_CallerCancels_HandlerReadFailsAndWritesThrowStatus()
    {
        var key = CallProbe.NewKey();
        var record = _host.Probe.For(key);
        using var cancellation = new CancellationTokenSource();

        using var call = Client().Join(Keyed(key), cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(new JoinRequest { Text = "a" });
        await record.Started.Task.WaitAsync(Bound);
        await cancellation.CancelAsync();
        var response = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));
        var write = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new JoinRequest { Text = "b" }));
        var readFailure = await record.ReadFailed.Task.WaitAsync(Bound);

        // Not a clean end of the request stream: the handler must not take a cancelled request as complete.
        Assert.IsAssignableFrom<OperationCanceledException>(readFailure);
        Assert.Equal((StatusCode.Cancelled, StatusCode.Cancelled), (response.StatusCode, write.StatusCode));
    }

    [Fact]
    public void Services_MappedService_DescriptorListed()
    {
        Assert.Equal([ServiceName], _host.InProcessServices.Services.Select(s => s.FullName));
    }

    private static Metadata Keyed(string key) => new() { { CallProbe.KeyHeader, key } };

    private InProcessTestService.InProcessTestServiceClient Client() => new(Invoker());

    private CallInvoker Invoker() => _host.Invoker(new DefaultHttpContext { RequestServices = _scope.ServiceProvider });
}
