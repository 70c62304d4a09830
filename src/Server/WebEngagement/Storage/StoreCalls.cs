using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>Reads that fail in the store end the call with the status <see cref="StoreStatus"/> gives.</summary>
internal static class StoreCalls
{
    internal static async Task<T> ReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            throw StoreStatus.ToRpcException(ex);
        }
    }
}
