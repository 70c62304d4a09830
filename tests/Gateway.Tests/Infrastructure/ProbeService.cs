using Grpc.Core;
using JourneyGrpc.Gateway.TestService.InProcess.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>Does what each request asks and records what it saw in the call's <see cref="CallRecord"/>.</summary>
internal sealed class ProbeService(CallProbe probe, RequestScopeMarker scope) : InProcessTestService.InProcessTestServiceBase
{
    public override async Task<ProbeResponse> Probe(ProbeRequest request, ServerCallContext context)
    {
        var record = Enter(context, request);
        if (request.Headers.Count > 0)
        {
            var headers = new Metadata();
            foreach (var (key, value) in request.Headers)
            {
                headers.Add(key, value);
            }

            await context.WriteResponseHeadersAsync(headers);
        }

        foreach (var (key, value) in request.Trailers)
        {
            context.ResponseTrailers.Add(key, value);
        }

        switch (request.Action)
        {
            case ProbeAction.Throw:
                throw new InvalidOperationException($"secret {request.Text}", new FormatException("inner secret"));
            case ProbeAction.Fail:
                throw new RpcException(new Status((StatusCode)request.Code, request.Text));
            case ProbeAction.Wait:
                await record.WaitForCancellationAsync(context.CancellationToken);
                throw new InvalidOperationException("Not reached: the wait ends by cancellation.");
            case ProbeAction.ReturnNull:
                return null!;
        }

        var http = context.GetHttpContext();
        http.RequestServices.GetRequiredService<RequestScopeMarker>().UsedBy(record);
        var response = new ProbeResponse
        {
            Text = "echo: " + request.Text,
            Method = context.Method,
            HttpMethod = http.Request.Method,
            HttpPath = http.Request.Path.Value ?? string.Empty,
            HttpProbeHeader = http.Request.Headers["x-probe"].ToString(),
        };
        foreach (var entry in context.RequestHeaders.Where(e => !e.IsBinary))
        {
            response.Metadata[entry.Key] = entry.Value;
        }

        record.Response = response;
        return response;
    }

    public override async Task Count(CountRequest request, IServerStreamWriter<CountResponse> responseStream, ServerCallContext context)
    {
        var record = Enter(context, request);

        // One instance rewritten for every message: what the caller reads must not change under it.
        var response = new CountResponse();
        for (var i = 1; i <= request.Count; i++)
        {
            response.N = i;
            await responseStream.WriteAsync(response);
        }

        if (request.Hold)
        {
            await record.WaitForCancellationAsync(context.CancellationToken);
        }

        if (request.FailCode != 0)
        {
            throw new RpcException(new Status((StatusCode)request.FailCode, $"Failed after {request.Count}."));
        }
    }

    public override async Task<JoinResponse> Join(IAsyncStreamReader<JoinRequest> requestStream, ServerCallContext context)
    {
        var record = Enter(context, null);
        var texts = new List<string>();
        try
        {
            // Not the call's token: how the stream itself ends is what tests look at.
            while (await requestStream.MoveNext(CancellationToken.None))
            {
                texts.Add(requestStream.Current.Text);
            }
        }
        catch (Exception ex)
        {
            record.ReadFailed.TrySetResult(ex);
            throw;
        }

        return new JoinResponse { Text = string.Join(',', texts) };
    }

    public override async Task Echo(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        Enter(context, null);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(new EchoResponse { Text = requestStream.Current.Text });
        }
    }

    private CallRecord Enter(ServerCallContext context, object? request)
    {
        var record = probe.For(context);
        scope.UsedBy(record);
        record.Request = request;
        record.Deadline = context.Deadline;
        record.Events.Enqueue($"handler {context.Method}");
        record.Started.TrySetResult();
        return record;
    }
}
