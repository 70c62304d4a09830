using JourneyGrpc.Campaign.V1;
using Grpc.Core;

namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>Reads a watch message by message, every read bounded.</summary>
internal sealed class WatchReader : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly AsyncServerStreamingCall<WatchCampaignStatusResponse> _call;

    private WatchReader(CampaignStatusService.CampaignStatusServiceClient client, WatchCampaignStatusRequest request) =>
        _call = client.WatchCampaignStatus(request, cancellationToken: _cancel.Token);

    internal static WatchReader Start(CampaignStatusService.CampaignStatusServiceClient client, WatchCampaignStatusRequest request) => new(client, request);

    /// <summary>Cancels the call, as a killed subscriber would.</summary>
    internal void Kill() => _cancel.Cancel();

    /// <summary>The next message.</summary>
    internal async Task<WatchCampaignStatusResponse> NextAsync(TimeSpan? timeout = null)
    {
        Assert.True(await _call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(timeout ?? TestTimeouts.Default), "the watch ended");
        return _call.ResponseStream.Current;
    }

    /// <summary>The next event, skipping heartbeats.</summary>
    internal async Task<CampaignStatusEvent> NextEventAsync()
    {
        while (true)
        {
            var message = await NextAsync();
            if (message.PayloadCase == WatchCampaignStatusResponse.PayloadOneofCase.Event)
            {
                return message.Event;
            }

            Assert.Equal(WatchCampaignStatusResponse.PayloadOneofCase.Heartbeat, message.PayloadCase);
        }
    }

    /// <summary>Reads until the call fails, returning the events read before and the failure.</summary>
    internal async Task<(List<CampaignStatusEvent> Events, RpcException Error)> ReadUntilErrorAsync()
    {
        var events = new List<CampaignStatusEvent>();
        try
        {
            while (await _call.ResponseStream.MoveNext(CancellationToken.None).Bounded())
            {
                if (_call.ResponseStream.Current.Event is { } recorded)
                {
                    events.Add(recorded);
                }
            }
        }
        catch (RpcException ex)
        {
            return (events, ex);
        }

        throw new Xunit.Sdk.XunitException("The watch ended without an error.");
    }

    public void Dispose()
    {
        _cancel.Cancel();
        _call.Dispose();
        _cancel.Dispose();
    }
}
