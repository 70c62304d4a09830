using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Gateway.TestService.V1;
using Grpc.Core;

namespace JourneyGrpc.Gateway.TestService;

/// <summary>Echoes what the gateway bound, fails on request, streams counts.</summary>
public sealed class TranscodingTestServiceImpl : TranscodingTestService.TranscodingTestServiceBase
{
    public override Task<BindResponse> Bind(BindRequest request, ServerCallContext context) =>
        Task.FromResult(new BindResponse { Request = request });

    public override Task<ListThingsResponse> ListThings(ListThingsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListThingsResponse
        {
            Things = { new Thing { Id = "a" }, new Thing { Id = "b", Labels = { "x" } } },
            Total = 2,
        });

    public override Task<GetSpecialThingResponse> GetSpecialThing(GetSpecialThingRequest request, ServerCallContext context) =>
        Task.FromResult(new GetSpecialThingResponse { Thing = new Thing { Id = "special" } });

    public override Task<GetThingResponse> GetThing(GetThingRequest request, ServerCallContext context) =>
        request.Id == "missing"
            ? throw new RpcException(new Status(StatusCode.NotFound, "Thing 'missing' was not found."))
            : Task.FromResult(new GetThingResponse { Thing = new Thing { Id = request.Id } });

    public override async Task<FailResponse> Fail(FailRequest request, ServerCallContext context)
    {
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

        if (request.Violations.Count == 0)
        {
            throw new RpcException(new Status((StatusCode)request.Code, request.Message));
        }

        var badRequest = new Google.Rpc.BadRequest();
        foreach (var (field, description) in request.Violations)
        {
            badRequest.FieldViolations.Add(new Google.Rpc.BadRequest.Types.FieldViolation { Field = field, Description = description });
        }

        throw new Google.Rpc.Status { Code = request.Code, Message = request.Message, Details = { Any.Pack(badRequest) } }.ToRpcException();
    }

    public override async Task<HeadersResponse> Headers(HeadersRequest request, ServerCallContext context)
    {
        await context.WriteResponseHeadersAsync(new Metadata { { "x-test-header", "from-headers" } });
        context.ResponseTrailers.Add("x-test-trailer", "from-trailers");
        var response = new HeadersResponse();
        foreach (var entry in context.RequestHeaders)
        {
            if (!entry.IsBinary && entry.Key is "authorization" or "appkey" or "x-request-id" or "cookie")
            {
                response.Metadata[entry.Key] = entry.Value;
            }
        }

        return response;
    }

    public override async Task Count(CountRequest request, IServerStreamWriter<CountResponse> responseStream, ServerCallContext context)
    {
        // One instance rewritten for every message: the in-process invoker must copy on write.
        var response = new CountResponse();
        for (var i = 1; i <= request.Count; i++)
        {
            response.N = i;
            await responseStream.WriteAsync(response);
        }

        if (request.FailCode != 0)
        {
            throw new RpcException(new Status((StatusCode)request.FailCode, $"Counting failed after {request.Count}."));
        }
    }

    public override async Task CountFrom(CountFromRequest request, IServerStreamWriter<CountFromResponse> responseStream, ServerCallContext context)
    {
        for (var i = 1; i <= request.Count; i++)
        {
            await responseStream.WriteAsync(new CountFromResponse { N = request.After + i });
        }
    }

    public override Task<FaultResponse> Fault(FaultRequest request, ServerCallContext context) => request.Kind switch
    {
        FaultKind.Throw => throw FaultInjection.Exception(),
        FaultKind.UnwritableResponse => Task.FromResult(FaultInjection.Unwritable(0)),
        _ => Task.FromResult(new FaultResponse()),
    };

    public override async Task FaultStream(FaultRequest request, IServerStreamWriter<FaultResponse> responseStream, ServerCallContext context)
    {
        for (var i = 1; i <= request.Messages; i++)
        {
            await responseStream.WriteAsync(new FaultResponse { N = i });
        }

        switch (request.Kind)
        {
            case FaultKind.Throw:
                throw FaultInjection.Exception();
            case FaultKind.UnwritableResponse:
                await responseStream.WriteAsync(FaultInjection.Unwritable(request.Messages + 1));
                break;
        }
    }

    public override Task<GetCounterResponse> GetCounter(GetCounterRequest request, ServerCallContext context) =>
        Task.FromResult(new GetCounterResponse
        {
            Id = request.Id,
            Value = ulong.MaxValue,
            History = { 9_007_199_254_740_993, -1 },
            At = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)),
        });
}
