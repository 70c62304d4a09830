using Grpc.Core;

namespace JourneyGrpc.Server.Hosting;

/// <summary>Log messages of the server's hosting (event ids 2xx).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 201, Message = "{Method}: the store failed; the call ends {StatusCode}.", EventName = "StoreFailed")]
    internal static partial void StoreFailed(ILogger logger, LogLevel level, string method, StatusCode statusCode, Exception exception);
}
