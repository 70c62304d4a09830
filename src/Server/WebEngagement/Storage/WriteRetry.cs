using Grpc.Core;
using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.WebEngagement.Storage;

/// <summary>
/// Runs a read-check-write until it commits. A stale version (another writer changed the action first)
/// or a taken in-progress key (another engage of the same visit committed first, strict mode) means read
/// again and decide again: the second decision sees the winner's write. Any other store failure, or one
/// that keeps losing, becomes a status in the one place that maps them (<see cref="StoreStatus"/>).
/// </summary>
internal sealed class WriteRetry(IOptions<EngagementOptions> options, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(EngagementLog.Category);

    internal async Task<T> RunAsync<T>(string operation, Func<Task<T>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (StoreException ex) when (number < options.Value.MaxWriteAttempts && IsRace(ex))
            {
                EngagementLog.WriteRetried(_logger, operation, number);
            }
        }
    }

    private static bool IsRace(StoreException exception) => exception is StoreConcurrencyException
        || exception is StoreDuplicateException { Index: EngagementStoreNames.InProgressByVisit };
}
