using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>
/// Hands out ids from blocks reserved in the store (hi/lo): one durable write of the tenant's
/// counter record reserves <see cref="StartEventOptions.IdBlockSize"/> ids, which are then handed
/// out from memory. The counter is written at its version, so servers sharing a database never
/// reserve the same block, and a restart skips the rest of a block instead of reusing it.
/// </summary>
internal sealed class IdAllocator(StartEventStoreAccessor stores, IOptions<StartEventOptions> options, ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<(string Tenant, string Kind), IdRange> _ranges = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger(StartEventLog.Category);

    internal async Task<long> NextAsync(string tenant, IdKind kind, CancellationToken ct)
    {
        var range = _ranges.GetOrAdd((tenant, kind.Name), static _ => new IdRange());
        await range.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (range.Next >= range.End)
            {
                (range.Next, range.End) = await ReserveAsync(tenant, kind, ct).ConfigureAwait(false);
            }

            return range.Next++;
        }
        finally
        {
            range.Gate.Release();
        }
    }

    private async Task<(long First, long End)> ReserveAsync(string tenant, IdKind kind, CancellationToken ct)
    {
        var store = stores.Store;
        for (var attempt = 1; ; attempt++)
        {
            var record = await store.GetAsync(tenant, StartEventCollections.IdBlocks, kind.Name, ct).ConfigureAwait(false);
            var first = record?.Parse(Int64Value.Parser).Value ?? 1;
            if (first > kind.Max)
            {
                throw StartEventErrors.IdsExhausted(kind.Name.TrimEnd('s'), tenant);
            }

            var end = Math.Min(kind.Max + 1, first + options.Value.IdBlockSize);
            var counter = new Int64Value { Value = end };
            var batch = record is null
                ? new WriteBatch().Insert(StartEventCollections.IdBlocks, kind.Name, counter)
                : new WriteBatch().Update(StartEventCollections.IdBlocks, kind.Name, record.Version, counter);
            try
            {
                await store.WriteAsync(tenant, batch, ct).ConfigureAwait(false);
                StartEventLog.IdBlockReserved(_logger, kind.Name, first, end - 1, tenant);
                return (first, end);
            }
            catch (Exception ex) when (ex is StoreConcurrencyException or StoreDuplicateException && attempt < options.Value.MaxWriteAttempts)
            {
                StartEventLog.WriteRetried(_logger, "reserve " + kind.Name + " ids", tenant, attempt);
            }
        }
    }
}
