using System.Net;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>
/// The journey service's create-engagement over its Avaya REST URL (<c>POST
/// /api/journey/v1/accounts/{accountId}/engagements</c>, 202), one new customer per call, as the
/// comparison rate measured in the same run.
/// </summary>
internal sealed class JourneyCreateFlow(RestLoad rest)
{
    internal const string Account = "BENCHE";
    private long _succeeded;
    private long _failed;

    internal Latencies Latencies { get; } = new();

    internal long Succeeded => Interlocked.Read(ref _succeeded);

    internal long Failed => Interlocked.Read(ref _failed);

    internal async Task RunOnceAsync(int client, CancellationToken stop)
    {
        var id = Guid.NewGuid();
        var request = new CreateEngagementRequest
        {
            Id = id.ToString("D"),
            StartDate = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Channels = { new Channel { Id = "Chat", Type = "CHAT" } },
        };
        request.Identifiers.Add("emailAddresses", new ListValue { Values = { Value.ForString($"visitor-{id:N}@example.org") } });
        var (ok, _) = await rest.PostAsync($"/api/journey/v1/accounts/{Account}/engagements", RestLoad.Json(JsonFormatter.Default.Format(request)), HttpStatusCode.Accepted, Latencies);
        Interlocked.Increment(ref ok ? ref _succeeded : ref _failed);
    }
}
