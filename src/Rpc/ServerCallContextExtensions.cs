using JourneyGrpc.Rpc.Internal;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Rpc;

/// <summary>Extensions for <see cref="ServerCallContext"/>.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The <see cref="HttpContext"/> of a call served over Kestrel.</summary>
    public static HttpContext GetHttpContext(this ServerCallContext context) => context switch
    {
        HttpContextServerCallContext httpContextCallContext => httpContextCallContext.HttpContext,
        null => throw new ArgumentNullException(nameof(context)),
        _ => throw new InvalidOperationException("This call context is not backed by an HttpContext."),
    };

    /// <summary>The request's message coding: <c>identity</c> or <c>gzip</c>.</summary>
    public static string GetRequestEncoding(this ServerCallContext context) =>
        (context as HttpContextServerCallContext)?.ReadSettings.Encoding ?? "identity";
}
