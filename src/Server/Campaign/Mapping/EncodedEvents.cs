using System.Linq.Expressions;
using System.Reflection;
using Google.Protobuf;
using JourneyGrpc.Campaign.V1;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Campaign.Mapping;

/// <summary>
/// Watch responses whose event is encoded once and shared by every watch. A live event goes to every
/// watch of its tenant, so encoding it per watch (UTF-8 of each string, every length) would be paid
/// watches × events times. Instead the feed keeps, per event, field 2 (<c>event</c>) of
/// <see cref="WatchCampaignStatusResponse"/> as a protobuf unknown field holding the encoded bytes,
/// and each response carries it as its unknown-field set: Google.Protobuf writes unknown fields
/// verbatim after the known ones, so the bytes on the wire are exactly those of a response with the
/// <c>event</c> field set (a test asserts it). Unknown fields can only be attached by parsing or
/// through the generated <c>_unknownFields</c> field, so a compiled setter for that field is made
/// once, at start-up, and fails loudly if Google.Protobuf ever renames it.
/// </summary>
internal static class EncodedEvents
{
    private const int EventFieldTag = (WatchCampaignStatusResponse.EventFieldNumber << 3) | 2;
    private static readonly Action<WatchCampaignStatusResponse, UnknownFieldSet> SetUnknownFields = CompileSetter();

    /// <summary>Field 2 of a watch response, holding <paramref name="stored"/>'s bytes (the event as appended, with its sequence).</summary>
    internal static UnknownFieldSet Encode(StoredEvent stored)
    {
        var payload = stored.Payload.Span;
        var field = new byte[1 + CodedOutputStream.ComputeLengthSize(payload.Length) + payload.Length];
        var output = new CodedOutputStream(field);
        output.WriteTag(EventFieldTag);
        output.WriteLength(payload.Length);
        output.Flush();
        payload.CopyTo(field.AsSpan(field.Length - payload.Length));
        var input = new CodedInputStream(field);
        input.ReadTag();
        return UnknownFieldSet.MergeFieldFrom(null, input);
    }

    /// <summary>A response carrying the encoded event, resumable after <paramref name="sequence"/>.</summary>
    internal static WatchCampaignStatusResponse Response(long sequence, UnknownFieldSet encoded)
    {
        var response = new WatchCampaignStatusResponse { ResumeAfterSequence = sequence };
        SetUnknownFields(response, encoded);
        return response;
    }

    private static Action<WatchCampaignStatusResponse, UnknownFieldSet> CompileSetter()
    {
        var field = typeof(WatchCampaignStatusResponse).GetField("_unknownFields", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field is null || field.FieldType != typeof(UnknownFieldSet))
        {
            throw new InvalidOperationException($"{nameof(WatchCampaignStatusResponse)} has no UnknownFieldSet _unknownFields field: Google.Protobuf's generated code changed; update {nameof(EncodedEvents)}.");
        }

        var response = Expression.Parameter(typeof(WatchCampaignStatusResponse));
        var set = Expression.Parameter(typeof(UnknownFieldSet));
        return Expression.Lambda<Action<WatchCampaignStatusResponse, UnknownFieldSet>>(Expression.Assign(Expression.Field(response, field), set), response, set).Compile();
    }
}
