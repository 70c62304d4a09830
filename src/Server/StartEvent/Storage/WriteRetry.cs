using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>
/// Runs a read-check-write until its batch commits: a <see cref="StoreConcurrencyException"/> means
/// another writer changed a record first (e.g. ended the service), so read again and check again.
/// After <see cref="StartEventOptions.MaxWriteAttempts"/> the call fails with ABORTED.
/// </summary>
internal sealed class WriteRetry(IOptions<StartEventOptions> options, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(StartEventLog.Category);

    internal async Task<T> RunAsync<T>(string operation, string tenant, Func<Task<T>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (StoreConcurrencyException) when (number < options.Value.MaxWriteAttempts)
            {
                StartEventLog.WriteRetried(_logger, operation, tenant, number);
            }
            catch (StoreConcurrencyException)
            {
                throw StartEventErrors.TooManyConflicts(operation, number);
            }
        }
    }
}
