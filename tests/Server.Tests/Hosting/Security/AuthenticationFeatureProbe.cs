using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>
/// Wraps the whole request pipeline and records, per request path, whether ASP.NET Core's authentication
/// middleware ran (it leaves an <see cref="IAuthenticationFeature"/> on every request it sees).
/// </summary>
internal sealed class AuthenticationFeatureProbe : IStartupFilter
{
    internal ConcurrentQueue<(string Path, bool MiddlewareRan)> Requests { get; } = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, inner) =>
        {
            // Recorded as the response starts (before the client can see it), after any middleware inside has run.
            context.Response.OnStarting(() =>
            {
                Requests.Enqueue((context.Request.Path.Value ?? string.Empty, context.Features.Get<IAuthenticationFeature>() is not null));
                return Task.CompletedTask;
            });
            return inner(context);
        });
        next(app);
    };
}
