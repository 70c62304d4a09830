using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// Admits every call against its method's <see cref="MethodAccessRule"/> before the handler runs: the caller is
/// authenticated here, on demand (JWT bearer or appkey; in development mode a call without credentials is the
/// <see cref="DevelopmentCaller"/>, with no authentication work at all); no valid credentials is UNAUTHENTICATED
/// (with a <c>WWW-Authenticate</c> challenge), a missing role or an account the credentials do not cover is
/// PERMISSION_DENIED (never NOT_FOUND, never data), too many calls is RESOURCE_EXHAUSTED. Applied to every call by
/// <see cref="Grpc.CallPolicyInterceptor"/>, so gRPC calls and REST calls through the in-process gateway (whose
/// HttpContext is the REST request) meet the same rules. Fail-closed: a method outside gRPC's own services without a
/// rule is refused.
/// </summary>
internal sealed class CallAdmission(MethodAccessRules rules, ClientLimits limits, DevelopmentCaller developer, AuthenticatedCallers callers, IOptions<AuthOptions> options, ILogger<CallAdmission> logger)
{
    private const string InfrastructurePrefix = "/grpc.";

    private readonly string _accountClaim = options.Value.AccountClaim;

    /// <summary>Null when the call may go on; otherwise why not. Completes synchronously unless credentials must be validated.</summary>
    internal ValueTask<Status?> AdmitAsync(ServerCallContext context, IMessage? request)
    {
        if (!rules.TryGet(context.Method, out var rule))
        {
            return new(context.Method.StartsWith(InfrastructurePrefix, StringComparison.Ordinal)
                ? null
                : new Status(StatusCode.PermissionDenied, $"{context.Method} has no access rule."));
        }

        // The feature, not HttpContext.User, which would build an empty principal for every unauthenticated call.
        var http = context.GetHttpContext();
        if (http.Features.Get<IHttpAuthenticationFeature>()?.User is { Identity.IsAuthenticated: true } user)
        {
            return new(Authorize(rule, user, request, context));
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
        if (!HasAnyRole(user, rule.Roles))
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

        if (!limits.TryAcquireCall(user, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.GetHttpContext().Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Status(StatusCode.ResourceExhausted, $"Too many calls from this client; retry after {seconds} s.");
        }

        return null;
    }

    private static bool HasAnyRole(ClaimsPrincipal user, IReadOnlyList<string> roles)
    {
        foreach (var role in roles)
        {
            if (user.IsInRole(role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Logs a refused call and gives the exception that ends it with <paramref name="refusal"/>.</summary>
    internal RpcException Refuse(ServerCallContext context, Status refusal)
    {
        SecurityLog.CallRefused(logger, context.Method, refusal.StatusCode, refusal.Detail);
        return new RpcException(refusal);
    }

    /// <summary>Completes when <paramref name="admission"/> admits the call; throws its refusal otherwise.</summary>
    internal async ValueTask ThrowIfRefusedAsync(ValueTask<Status?> admission, ServerCallContext context)
    {
        if (await admission.ConfigureAwait(false) is { } refusal)
        {
            throw Refuse(context, refusal);
        }
    }

    /// <summary>True when <paramref name="context"/>'s server stream counts against the client's open watches (Limits:WatchesPerClient).</summary>
    internal bool LimitsWatches(ServerCallContext context) => limits.WatchesPerClient > 0 && rules.TryGet(context.Method, out _);

    /// <summary>Runs a server stream while the client holds a watch permit (Limits:WatchesPerClient).</summary>
    internal async Task WatchAsync(ServerCallContext context, Func<Task> stream)
    {
        using var permit = limits.AcquireWatch(ClientLimits.ClientOf(context.GetHttpContext().User));
        if (permit is { IsAcquired: false })
        {
            throw Refuse(context, new Status(StatusCode.ResourceExhausted, $"This client already holds {limits.WatchesPerClient} open watches, the most allowed (Limits:WatchesPerClient); close one first."));
        }

        await stream().ConfigureAwait(false);
    }
}
