using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>What every in-process call of one service needs, resolved once when the service is bound.</summary>
internal sealed record InProcessCallSettings(bool EnableDetailedErrors, ILogger Logger, TimeProvider TimeProvider, CancellationToken ShutdownToken);
