using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Checks every call against its method's <see cref="MethodAccessRule"/> before the handler runs: no valid
/// credentials is UNAUTHENTICATED (with a <c>WWW-Authenticate</c> challenge), a missing role or an account
/// the credentials do not cover is PERMISSION_DENIED (never NOT_FOUND, never data). Global, so gRPC calls and
/// REST calls through the in-process gateway (whose HttpContext is the REST request) meet the same rules.
/// Fail-closed: a method outside gRPC's own services without a rule is refused.
/// </summary>
internal sealed class AccessInterceptor(MethodAccessRules rules, ClientLimits limits, IOptions<AuthOptions> options, ILogger<AccessInterceptor> logger) : Interceptor
{
    private const string InfrastructurePrefix = "/grpc.";

    private readonly string _accountClaim = options.Value.AccountClaim;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var refusal = Check(context, request as IMessage);
        return refusal is not { } status ? continuation(request, context) : RefuseAsync<TResponse>(status, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var refusal = Check(context, request as IMessage);
        if (refusal is { } status)
        {
            return RefuseAsync<bool>(status, context);
        }

        return limits.WatchesPerClient > 0 && rules.TryGet(context.Method, out _)
            ? WatchAsync(request, responseStream, context, continuation)
            : continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var refusal = Check(context, null);
        return refusal is not { } status ? continuation(requestStream, context) : RefuseAsync<TResponse>(status, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var refusal = Check(context, null);
        return refusal is not { } status ? continuation(requestStream, responseStream, context) : RefuseAsync<bool>(status, context);
    }

    /// <summary>Null when the call may go on; otherwise why not.</summary>
    private Status? Check(ServerCallContext context, IMessage? request)
    {
        if (!rules.TryGet(context.Method, out var rule))
        {
            return context.Method.StartsWith(InfrastructurePrefix, StringComparison.Ordinal)
                ? null
                : new Status(StatusCode.PermissionDenied, $"{context.Method} has no access rule.");
        }

        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return new Status(StatusCode.Unauthenticated, CredentialFailures.Missing);
        }

        if (!rule.Roles.Any(user.IsInRole))
        {
            return new Status(StatusCode.PermissionDenied, $"{rule.Method} needs one of the roles {string.Join(", ", rule.Roles)}.");
        }

        if (rule.Account is { } field && request is not null)
        {
            var account = field.Read(request);
            if (!Covers(user, account))
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

    /// <summary>Runs a server stream while the client holds a watch permit (Limits:WatchesPerClient).</summary>
    private async Task WatchAsync<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        using var permit = limits.AcquireWatch(ClientLimits.ClientOf(context.GetHttpContext().User));
        if (permit is { IsAcquired: false })
        {
            await RefuseAsync<bool>(new Status(StatusCode.ResourceExhausted, $"This client already holds {limits.WatchesPerClient} open watches, the most allowed (Limits:WatchesPerClient); close one first."), context).ConfigureAwait(false);
        }

        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    private bool Covers(ClaimsPrincipal user, string account) =>
        user.HasClaim(claim => claim.Type == _accountClaim && (claim.Value == AuthSchemes.AnyAccount || string.Equals(claim.Value, account, StringComparison.Ordinal)));

    /// <summary>Ends the call; an UNAUTHENTICATED one says why the credentials failed and carries the challenge.</summary>
    private async Task<T> RefuseAsync<T>(Status refusal, ServerCallContext context)
    {
        if (refusal.StatusCode == StatusCode.Unauthenticated)
        {
            var http = context.GetHttpContext();
            var failure = (await http.AuthenticateAsync().ConfigureAwait(false)).Failure;
            refusal = new Status(StatusCode.Unauthenticated, CredentialFailures.Describe(failure));
            http.Response.Headers.WWWAuthenticate = CredentialFailures.Challenge(failure);
        }

        SecurityLog.CallRefused(logger, context.Method, refusal.StatusCode, refusal.Detail);
        throw new RpcException(refusal);
    }
}
