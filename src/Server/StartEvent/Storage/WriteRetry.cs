using JourneyGrpc.Server.StartEvent.Errors;
using JourneyGrpc.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>
/// Runs a read-check-write of one service (or its states and tasks) until its batch commits. Writes
/// of one service are serialised in this process (striped locks), because each state or task start
/// writes the service record at its version (<see cref="Lifecycle.ServiceGuard"/>) and concurrent
/// starts would otherwise keep failing each other. A <see cref="StoreConcurrencyException"/> then
/// only comes from another server on the same database: read again, check again. After
/// <see cref="StartEventOptions.MaxWriteAttempts"/> the call fails with ABORTED.
/// </summary>
internal sealed class WriteRetry(IOptions<StartEventOptions> options, ILoggerFactory loggerFactory)
{
    private const int Stripes = 256;

    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ILogger _logger = loggerFactory.CreateLogger(StartEventLog.Category);

    internal async Task<T> RunAsync<T>(string operation, string tenant, long serviceId, Func<Task<T>> attempt)
    {
        var gate = _locks[(int)((uint)HashCode.Combine(tenant, serviceId) % Stripes)];
        await gate.WaitAsync().ConfigureAwait(false);
        try
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
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
