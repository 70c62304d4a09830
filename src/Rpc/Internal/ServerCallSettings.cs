using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>What every call of one method shares, resolved once at start-up.</summary>
internal sealed record ServerCallSettings(RpcServerOptions Options, ILogger Logger, TimeProvider TimeProvider, CancellationToken ShutdownToken);
