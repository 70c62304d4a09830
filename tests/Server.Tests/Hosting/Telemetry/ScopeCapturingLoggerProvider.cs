using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>Keeps every log entry of one category with the key/value pairs of its scopes, as the JSON console formatter writes them.</summary>
internal sealed class ScopeCapturingLoggerProvider(string category) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    internal ConcurrentQueue<(EventId EventId, Dictionary<string, string?> Scopes)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => categoryName == category ? new CapturingLogger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ScopeCapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, string?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope(
                static (scope, values) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            values[key] = value?.ToString();
                        }
                    }
                },
                scopes);
            owner.Entries.Enqueue((eventId, scopes));
        }
    }
}
