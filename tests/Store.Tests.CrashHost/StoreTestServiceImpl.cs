using Grpc.Core;
using JourneyGrpc.Store.Tests.V1;

namespace JourneyGrpc.Store.Tests.CrashHost;

/// <summary>Each RPC is one store call: Put inserts, Append appends, Tail follows a log.</summary>
internal sealed class StoreTestServiceImpl(IJourneyStore store) : StoreTestService.StoreTestServiceBase
{
    internal const string Collection = "records";

    public override async Task<PutResponse> Put(PutRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = request.Record;
        var batch = new WriteBatch().Insert(Collection, record.Id, record, new IndexEntry("by-name", record.Name, record.Number));
        var result = await store.WriteAsync(request.Tenant, batch).ConfigureAwait(false);
        return new PutResponse { Version = result.Versions[0] };
    }

    public override async Task<AppendResponse> Append(AppendRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await store.WriteAsync(request.Tenant, new WriteBatch().Append(request.Log, request.Event)).ConfigureAwait(false);
        return new AppendResponse { Sequence = result.Sequences[0] };
    }

    public override async Task Tail(TailRequest request, IServerStreamWriter<TailResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        await foreach (var stored in store.TailEventsAsync(request.Tenant, request.Log, request.AfterSequence, cancellationToken: context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(new TailResponse { Sequence = stored.Sequence, Event = stored.Parse(TestRecord.Parser) }).ConfigureAwait(false);
        }
    }
}
