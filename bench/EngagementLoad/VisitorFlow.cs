using System.Globalization;
using System.Net;
using System.Text.Json;

namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>
/// One visitor, over and over: GWE engage (form field <c>ixnProfile</c>), then the browser's
/// <c>offered</c>, then <c>accepted</c> or <c>rejected</c> (Genesys Cloud actionevent). Each call is a
/// transition of a web action; every one is timed and counted.
/// </summary>
internal sealed class VisitorFlow(RestLoad rest, string deployment, string[] actionMaps)
{
    private long _succeeded;
    private long _failed;

    internal Latencies Latencies { get; } = new();

    internal long Succeeded => Interlocked.Read(ref _succeeded);

    internal long Failed => Interlocked.Read(ref _failed);

    internal async Task RunOnceAsync(int visitor, CancellationToken stop)
    {
        var visit = Guid.NewGuid().ToString("D");
        var map = actionMaps[visitor % actionMaps.Length];
        var profile = $$"""{"visitID":"{{visit}}","globalVisitID":"{{Guid.NewGuid():D}}","interactionID":"bench-{{visitor}}","engagementType":"chat"}""";
        var (engaged, body) = await rest.PostAsync(
            string.Create(CultureInfo.InvariantCulture, $"/server/data/gateway/engage?deploymentId={deployment}&actionMapId={map}&actionMapVersion=1"),
            new FormUrlEncodedContent([new("ixnProfile", profile)]),
            HttpStatusCode.OK,
            Latencies);
        if (!Count(engaged) || stop.IsCancellationRequested)
        {
            return;
        }

        string id;
        using (var document = JsonDocument.Parse(body))
        {
            id = document.RootElement.GetProperty("webAction").GetProperty("id").GetString()!;
        }

        foreach (var state in new[] { "offered", visitor % 2 == 0 ? "accepted" : "rejected" })
        {
            var (ok, _) = await rest.PostAsync(
                $"/api/v2/journey/deployments/{deployment}/actionevent",
                RestLoad.Json($$"""{"sessionId":"{{visit}}","actionId":"{{id}}","actionState":"{{state}}"}"""),
                HttpStatusCode.NoContent,
                Latencies);
            if (!Count(ok))
            {
                return;
            }
        }
    }

    private bool Count(bool ok)
    {
        Interlocked.Increment(ref ok ? ref _succeeded : ref _failed);
        return ok;
    }
}
