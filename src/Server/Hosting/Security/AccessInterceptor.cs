using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Admits every call against its method's <see cref="MethodAccessRule"/> before the handler runs: the caller is
/// authenticated here, on demand (JWT bearer or appkey; in development mode a call without credentials is the
/// <see cref="DevelopmentCaller"/>, with no authentication work at all); no valid credentials is UNAUTHENTICATED
/// (with a <c>WWW-Authenticate</c> challenge), a missing role or an account the credentials do not cover is
/// PERMISSION_DENIED (never NOT_FOUND, never data), too many calls is RESOURCE_EXHAUSTED. Global, so gRPC calls
/// and REST calls through the in-process gateway (whose HttpContext is the REST request) meet the same rules.
/// Fail-closed: a method outside gRPC's own services without a rule is refused.
/// </summary>
internal sealed class AccessInterceptor(MethodAccessRules rules, ClientLimits limits, DevelopmentCaller developer, AuthenticatedCallers callers, IOptions<AuthOptions> options, ILogger<AccessInterceptor> logger) : Interceptor
{
    private const string InfrastructurePrefix = "/grpc.";

    private readonly string _accountClaim = options.Value.AccountClaim;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var admission = AdmitAsync(context, request as IMessage);
        return admission.IsCompletedSuccessfully && admission.Result is null
            ? continuation(request, context)
            : ThenAsync(admission, context, () => continuation(request, context));
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var admission = AdmitAsync(context, request as IMessage);
        Func<Task<bool>> run = limits.WatchesPerClient > 0 && rules.TryGet(context.Method, out _)
            ? () => WatchAsync(context, () => continuation(request, responseStream, context))
            : async () =>
            {
                await continuation(request, responseStream, context).ConfigureAwait(false);
                return true;
            };
        return ThenAsync(admission, context, run);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        ThenAsync(AdmitAsync(context, null), context, () => continuation(requestStream, context));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        ThenAsync(AdmitAsync(context, null), context, async () =>
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            return true;
        });

    /// <summary>Null when the call may go on; otherwise why not. Completes synchronously unless credentials must be validated.</summary>
    private ValueTask<Status?> AdmitAsync(ServerCallContext context, IMessage? request)
    {
        if (!rules.TryGet(context.Method, out var rule))
        {
            return new(context.Method.StartsWith(InfrastructurePrefix, StringComparison.Ordinal)
                ? null
                : new Status(StatusCode.PermissionDenied, $"{context.Method} has no access rule."));
        }

        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return new(Authorize(rule, http.User, request, context));
        }

        if (developer.Admits(http.Request))
        {
            http.User = developer.Principal;
            return new(Authorize(rule, developer.Principal, request, context));
        }

        var credential = Credential(http.Request);
        if (credential is not null && callers.TryGet(credential, out var known))
        {
            http.User = known;
            return new(Authorize(rule, known, request, context));
        }

        return AuthenticateAsync(rule, http, credential, request, context);
    }

    private async ValueTask<Status?> AuthenticateAsync(MethodAccessRule rule, HttpContext http, string? credential, IMessage? request, ServerCallContext context)
    {
        var result = await http.AuthenticateAsync(AuthSchemes.Select).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            http.Response.Headers.WWWAuthenticate = CredentialFailures.Challenge(result.Failure);
            return new Status(StatusCode.Unauthenticated, CredentialFailures.Describe(result.Failure));
        }

        if (credential is not null)
        {
            callers.Add(credential, result.Principal, result.Properties?.ExpiresUtc ?? Expiry(result.Principal));
        }

        http.User = result.Principal;
        return Authorize(rule, result.Principal, request, context);
    }

    /// <summary>A token's <c>exp</c> claim (seconds since 1970), when it has one.</summary>
    private static DateTimeOffset? Expiry(ClaimsPrincipal caller) =>
        long.TryParse(caller.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>The credential a call sent (the appkey wins, as in scheme selection), or null.</summary>
    private static string? Credential(HttpRequest request) =>
        request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var key) && key.Count == 1 ? "appkey " + key[0]
        : request.Headers.Authorization.Count == 1 ? request.Headers.Authorization[0]
        : null;

    private Status? Authorize(MethodAccessRule rule, ClaimsPrincipal user, IMessage? request, ServerCallContext context)
    {
        if (!rule.Roles.Any(user.IsInRole))
        {
            return new Status(StatusCode.PermissionDenied, $"{rule.Method} needs one of the roles {string.Join(", ", rule.Roles)}.");
        }

        if (rule.Account is { } field && request is not null)
        {
            var account = field.Read(request);
            if (!user.HasClaim(claim => claim.Type == _accountClaim && (claim.Value == AuthSchemes.AnyAccount || string.Equals(claim.Value, account, StringComparison.Ordinal))))
            {
                return new Status(StatusCode.PermissionDenied, $"The credentials do not give access to account '{account}'.");
            }
        }

        if (!limits.TryAcquireCall(ClientLimits.ClientOf(user), out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.GetHttpContext().Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Status(StatusCode.ResourceExhausted, $"Too many calls from this client; retry after {seconds} s.");
        }

        return null;
    }

    /// <summary>Runs <paramref name="call"/> once the admission says yes; otherwise ends the call with its status.</summary>
    private async Task<T> ThenAsync<T>(ValueTask<Status?> admission, ServerCallContext context, Func<Task<T>> call)
    {
        if (await admission.ConfigureAwait(false) is { } refusal)
        {
            SecurityLog.CallRefused(logger, context.Method, refusal.StatusCode, refusal.Detail);
            throw new RpcException(refusal);
        }

        return await call().ConfigureAwait(false);
    }

    /// <summary>Runs a server stream while the client holds a watch permit (Limits:WatchesPerClient).</summary>
    private async Task<bool> WatchAsync(ServerCallContext context, Func<Task> stream)
    {
        using var permit = limits.AcquireWatch(ClientLimits.ClientOf(context.GetHttpContext().User));
        if (permit is { IsAcquired: false })
        {
            var refusal = new Status(StatusCode.ResourceExhausted, $"This client already holds {limits.WatchesPerClient} open watches, the most allowed (Limits:WatchesPerClient); close one first.");
            SecurityLog.CallRefused(logger, context.Method, refusal.StatusCode, refusal.Detail);
            throw new RpcException(refusal);
        }

        await stream().ConfigureAwait(false);
        return true;
    }
}
