using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace JourneyGrpc.Rpc.Health;

/// <summary>
/// The serving status of each service, as <c>grpc.health.v1.Health</c> reports it. The empty
/// name is the whole server. Services mapped with <c>MapRpcService</c> start SERVING once the
/// host has started and turn NOT_SERVING when it begins to stop.
/// </summary>
public sealed class RpcHealthRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly List<Action<string, ServingStatus>> _watchers = [];

    /// <summary>Sets the status of <paramref name="service"/> and tells every watcher.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        Action<string, ServingStatus>[] watchers;
        lock (_lock)
        {
            if (_statuses.TryGetValue(service, out var current) && current == status)
            {
                return;
            }

            _statuses[service] = status;
            watchers = [.. _watchers];
        }

        foreach (var watcher in watchers)
        {
            watcher(service, status);
        }
    }

    /// <summary>Sets the status of every known service, and of the server itself.</summary>
    public void SetAll(ServingStatus status)
    {
        string[] services;
        lock (_lock)
        {
            services = [.. _statuses.Keys];
        }

        foreach (var service in services)
        {
            SetStatus(service, status);
        }
    }

    /// <summary>The status of <paramref name="service"/>, if it is known.</summary>
    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    internal IDisposable Watch(Action<string, ServingStatus> onChange)
    {
        lock (_lock)
        {
            _watchers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    private void Unwatch(Action<string, ServingStatus> onChange)
    {
        lock (_lock)
        {
            _watchers.Remove(onChange);
        }
    }

    private sealed class Subscription(RpcHealthRegistry registry, Action<string, ServingStatus> onChange) : IDisposable
    {
        public void Dispose() => registry.Unwatch(onChange);
    }

    internal static HealthCheckResponse Response(ServingStatus status) => new() { Status = status };
}
