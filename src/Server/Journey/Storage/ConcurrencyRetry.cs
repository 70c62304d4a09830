using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Journey.Storage;

/// <summary>
/// Runs a read-modify-write until its batch commits: a <see cref="StoreConcurrencyException"/> (someone
/// wrote a record first) or a <see cref="StoreDuplicateException"/> on a record another writer just
/// created means read again and retry. After <c>maxAttempts</c> the conflict propagates, and the call
/// ends ABORTED (<see cref="Hosting.StoreStatus"/>).
/// </summary>
internal sealed class ConcurrencyRetry(ILogger<ConcurrencyRetry> logger, JourneyOptions options)
{
    internal async Task<T> RunAsync<T>(string operation, Func<Task<T>> attempt, Func<StoreDuplicateException, bool>? isRetryableDuplicate = null)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (StoreConcurrencyException ex) when (number < options.MaxWriteAttempts)
            {
                JourneyLog.WriteRetried(logger, operation, number, ex.Collection, ex.Id);
            }
            catch (StoreDuplicateException ex) when (number < options.MaxWriteAttempts && (isRetryableDuplicate?.Invoke(ex) ?? ex.Collection is JourneyCollections.IdentityLinks or JourneyCollections.IdentityGroups))
            {
                JourneyLog.WriteRetried(logger, operation, number, ex.Collection, ex.Id);
            }
        }
    }

    internal Task RunAsync(string operation, Func<Task> attempt, Func<StoreDuplicateException, bool>? isRetryableDuplicate = null) =>
        RunAsync<bool>(
            operation,
            async () =>
            {
                await attempt().ConfigureAwait(false);
                return true;
            },
            isRetryableDuplicate);
}
