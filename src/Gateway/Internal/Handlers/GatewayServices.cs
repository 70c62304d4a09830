using System.Collections.Frozen;
using JourneyGrpc.Gateway.Internal.Errors;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>What every route handler shares, resolved once.</summary>
internal sealed record GatewayServices(ErrorWriter Errors, FaultResponder Faults, FrozenSet<string> ForwardedHeaders, int MaxRequestBodySize, ILogger Logger);
