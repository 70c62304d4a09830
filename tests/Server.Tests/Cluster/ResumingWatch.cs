using System.Net;
using System.Text.Json;

namespace JourneyGrpc.Server.Tests.Cluster;

/// <summary>
/// A <c>WatchCampaignStatus</c> watch through the gateway as server-sent events, reconnecting as a browser
/// EventSource does: when the stream ends (an <c>error</c> event, or the connection closes) it opens it
/// again with <c>Last-Event-ID</c> = the last <c>id:</c> it saw, so the log continues where it left off.
/// </summary>
internal sealed class ResumingWatch : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _path;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<long> _sequences = [];
    private readonly List<(long Sequence, TaskCompletionSource Reached)> _waiters = [];
    private readonly TaskCompletionSource _firstMessage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;
    private long _lastId;

    private ResumingWatch(HttpClient client, string tenant)
    {
        _client = client;
        _path = $"/v1/tenants/{tenant}/campaign-status:watch";
    }

    /// <summary>How many times the stream ended and was opened again.</summary>
    internal int Reconnects { get; private set; }

    /// <summary>Every event sequence received, in order.</summary>
    internal IReadOnlyList<long> Sequences
    {
        get
        {
            lock (_sequences)
            {
                return [.. _sequences];
            }
        }
    }

    /// <summary>Completes when the first stream answered (the watch is open on some replica).</summary>
    internal Task Opened => _firstMessage.Task;

    /// <summary>Starts watching the whole log (<c>Last-Event-ID: 0</c>).</summary>
    internal static ResumingWatch Start(HttpClient client, string tenant)
    {
        var watch = new ResumingWatch(client, tenant);
        watch._running = Task.Run(watch.RunAsync);
        return watch;
    }

    /// <summary>Completes once an event with <paramref name="sequence"/> or later was received.</summary>
    internal Task ReachedAsync(long sequence)
    {
        lock (_sequences)
        {
            if (_sequences.Count > 0 && _sequences[^1] >= sequence)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((sequence, reached));
            return Task.WhenAny(reached.Task, _running).Unwrap();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _path);
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Add("Last-Event-ID", _lastId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                {
                    Reconnects++;
                    continue;
                }

                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
                await ReadEventsAsync(reader);
            }
            catch (IOException)
            {
                // The connection closed mid-stream: reconnect below.
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Reconnects++;
        }
    }

    private async Task ReadEventsAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            _firstMessage.TrySetResult();
            if (line.StartsWith("event: error", StringComparison.Ordinal))
            {
                return;
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                _lastId = long.Parse(line.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var message = JsonDocument.Parse(line.AsMemory(6));
                if (message.RootElement.TryGetProperty("event", out var campaignEvent))
                {
                    Add(campaignEvent.GetProperty("sequence").GetInt64());
                }
            }
        }
    }

    private void Add(long sequence)
    {
        lock (_sequences)
        {
            _sequences.Add(sequence);
            foreach (var waiter in _waiters.Where(w => w.Sequence <= sequence).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
