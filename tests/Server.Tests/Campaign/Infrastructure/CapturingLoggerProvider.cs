using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>Keeps the event ids logged, so tests can tell which path the server took (e.g. a watch fell behind).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<EventId> _events = new();

    internal IReadOnlyCollection<EventId> Events => _events;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider._events.Enqueue(eventId);
    }
}
