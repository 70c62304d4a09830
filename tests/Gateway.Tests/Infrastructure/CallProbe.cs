using System.Collections.Concurrent;
using Grpc.Core;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>
/// The <see cref="CallRecord"/> of each call, keyed by its <c>x-request-id</c> (REST header or gRPC
/// metadata), so tests sharing one host never read each other's calls.
/// </summary>
internal sealed class CallProbe
{
    internal const string KeyHeader = "x-request-id";

    private readonly ConcurrentDictionary<string, CallRecord> _records = new(StringComparer.Ordinal);

    internal static string NewKey() => Guid.NewGuid().ToString("N");

    internal CallRecord For(string key) => _records.GetOrAdd(key, static _ => new CallRecord());

    internal CallRecord For(ServerCallContext context) => For(context.RequestHeaders.GetValue(KeyHeader) ?? string.Empty);

    internal bool Contains(string key) => _records.ContainsKey(key);
}
