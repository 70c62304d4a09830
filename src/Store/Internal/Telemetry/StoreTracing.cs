using System.Diagnostics;

namespace JourneyGrpc.Store.Internal.Telemetry;

/// <summary>
/// One client span per store operation (source <see cref="JourneyStoreTelemetry.Name"/>), a child of the
/// caller's span (the gRPC call, in-process or not), named <c>store {operation}</c> with
/// <c>db.system.name</c> and <c>db.operation.name</c> (https://opentelemetry.io/docs/specs/semconv/database/database-spans/).
/// A write's span lasts until its group commit is durable. Without a listener no span is created.
/// </summary>
internal static class StoreTracing
{
    private static readonly ActivitySource Source = new(JourneyStoreTelemetry.Name);

    internal static Activity? Start(string operation, string provider, string collection)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("store " + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", provider);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.collection.name", collection);
        }

        return activity;
    }

    internal static void Failed(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.SetTag("error.type", exception.GetType().FullName);
        }
    }
}
