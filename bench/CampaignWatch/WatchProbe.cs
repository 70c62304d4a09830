using System.Buffers;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>
/// What a subscriber checks of one <see cref="WatchCampaignStatusResponse"/>: whether it carries an
/// event, the event's sequence, and the poster's send stamp (<c>notification.additional_keys</c>
/// key <c>bench_sent</c>). Read straight off the wire, skipping the rest of the event: with a
/// thousand watches on the same two cores as the server, parsing every notification (its Struct
/// above all) in full would measure the load client, not the server. The conformance and service
/// tests check events field for field.
/// </summary>
internal sealed record WatchProbe(bool IsEvent, long Sequence, double? SentTicks)
{
    private static readonly byte[] SentKey = Encoding.UTF8.GetBytes(Poster.SentKey);
    private static readonly WatchProbe NotAnEvent = new(false, 0, null);

    /// <summary>Fails unless a full response, as Google.Protobuf encodes it, reads back as the expected probe.</summary>
    internal static void CheckAgainstFullMessage()
    {
        var notification = new CampaignGroupStateNotification { GswTenantName = "t", GswStatHitRatio = Value.ForNumber(0.5) };
        notification.AdditionalKeys = new Struct();
        notification.AdditionalKeys.Fields["other"] = Value.ForNumber(1);
        notification.AdditionalKeys.Fields[Poster.SentKey] = Value.ForNumber(123456789);
        var response = new WatchCampaignStatusResponse { ResumeAfterSequence = 42, Event = new CampaignStatusEvent { Sequence = 42, Tenant = "t", Notification = notification } };
        var heartbeat = new WatchCampaignStatusResponse { ResumeAfterSequence = 42, Heartbeat = new Heartbeat { HeadSequence = 42 } };

        var probes = (Read(new ReadOnlySequence<byte>(response.ToByteArray())), Read(new ReadOnlySequence<byte>(heartbeat.ToByteArray())));
        if (probes != (new WatchProbe(true, 42, 123456789), NotAnEvent))
        {
            throw new InvalidOperationException($"the watch probe misreads responses: {probes}");
        }
    }

    internal static WatchProbe Read(ReadOnlySequence<byte> message) =>
        message.IsSingleSegment ? Read(message.FirstSpan) : Read(message.ToArray());

    private static WatchProbe Read(ReadOnlySpan<byte> message)
    {
        var response = new WireReader(message);
        while (response.TryReadTag(out var field, out var wireType))
        {
            if (field == WatchCampaignStatusResponse.EventFieldNumber && wireType == 2)
            {
                return ReadEvent(response.ReadLengthDelimited());
            }

            response.Skip(wireType);
        }

        return NotAnEvent;
    }

    private static WatchProbe ReadEvent(ReadOnlySpan<byte> recorded)
    {
        var reader = new WireReader(recorded);
        long sequence = 0;
        double? sent = null;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == CampaignStatusEvent.SequenceFieldNumber && wireType == 0)
            {
                sequence = (long)reader.ReadVarint();
            }
            else if (field == CampaignStatusEvent.NotificationFieldNumber && wireType == 2)
            {
                sent = ReadSent(reader.ReadLengthDelimited());
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return new WatchProbe(true, sequence, sent);
    }

    // notification.additional_keys (a Struct: map<string, Value> fields = 1) → ["bench_sent"].number_value (2).
    private static double? ReadSent(ReadOnlySpan<byte> notification)
    {
        var reader = new WireReader(notification);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field != CampaignGroupStateNotification.AdditionalKeysFieldNumber || wireType != 2)
            {
                reader.Skip(wireType);
                continue;
            }

            var keys = new WireReader(reader.ReadLengthDelimited());
            while (keys.TryReadTag(out var entryField, out var entryWireType))
            {
                if (entryField != 1 || entryWireType != 2)
                {
                    keys.Skip(entryWireType);
                }
                else if (ReadNumberEntry(keys.ReadLengthDelimited()) is { } value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    // One map entry: key = 1 (string), value = 2 (google.protobuf.Value, number_value = 2); the number if the key is bench_sent.
    private static double? ReadNumberEntry(ReadOnlySpan<byte> entry)
    {
        var reader = new WireReader(entry);
        var isSent = false;
        double? number = null;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == 2)
            {
                isSent = reader.ReadLengthDelimited().SequenceEqual(SentKey);
            }
            else if (field == 2 && wireType == 2)
            {
                var value = new WireReader(reader.ReadLengthDelimited());
                while (value.TryReadTag(out var valueField, out var valueWireType))
                {
                    if (valueField == 2 && valueWireType == 1)
                    {
                        number = value.ReadDouble();
                    }
                    else
                    {
                        value.Skip(valueWireType);
                    }
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return isSent ? number : null;
    }
}
