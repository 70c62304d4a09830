namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>Log messages of authentication and authorization (event ids 3xx).</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(301, LogLevel.Warning, "Development mode: no Auth:Jwt keys or Auth:ApiKeys are configured, so only loopback addresses are served and callers without credentials act as a developer with every role on every account. A test bearer token for this process (12 h): {Token}", EventName = "DevelopmentMode")]
    internal static partial void DevelopmentMode(ILogger logger, string token);

    [LoggerMessage(302, LogLevel.Information, "{Method}: refused, {StatusCode}: {Reason}", EventName = "CallRefused")]
    internal static partial void CallRefused(ILogger logger, string method, global::Grpc.Core.StatusCode statusCode, string reason);
}
