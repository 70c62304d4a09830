using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Server.Tests.Journey.Infrastructure;

/// <summary>Valid requests to start from (the spec's examples), changed one field at a time by the tests.</summary>
internal static class Requests
{
    internal const string Account = "ABCDEF";
    internal const string EngagementId = "dbf2aca9-b905-4ef1-a181-fa85133ae441";
    internal const string NoteId = "Isfgy40BJ8Ew1LrQxUJy";

    internal static Timestamp At(string time) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The spec's engagement-create-1.</summary>
    internal static CreateEngagementRequest CreateEngagement(string account = Account, string id = EngagementId) => new()
    {
        AccountId = account,
        Id = id,
        StartDate = At("2019-07-23T17:45:21.002Z"),
        Identifiers =
        {
            Ids.Of(
                ("phoneNumbers", "019 718 0171"),
                ("phoneNumbers", "188-115-7717"),
                ("phoneNumbers", "+353 628 9848"),
                ("emailAddresses", "melinda14@example.org"),
                ("emailAddresses", "cmartin@example.org")),
        },
        Conversations = { "Mortgage Application", "First-time Buyer" },
        Data = { ["referenceNumber"] = "ref-4bf68d57-c189-4ad9-986f-e56ede9cdc32", ["currentStatus"] = "Under review" },
    };

    internal static UpdateEngagementRequest UpdateEngagement(string account = Account, string id = EngagementId) => new()
    {
        AccountId = account,
        EngagementId = id,
        Timestamp = At("2019-07-23T17:48:21.002Z"),
        Identifiers = { Ids.Of(("accountIds", "d1482af8-d865-4df0-932d-f9559f25086d")) },
        Conversations = { "Mortgage Application", "First-time Buyer" },
        Data = { ["referenceNumber"] = "ref-4bf68d57-c189-4ad9-986f-e56ede9cdc32", ["currentStatus"] = "Under review" },
    };

    internal static AddParticipantRequest AddAgent(string account, string engagementId, string agentId, string time, string channel = "Voice") => new()
    {
        AccountId = account,
        EngagementId = engagementId,
        ParticipantId = agentId,
        Type = ParticipantType.Agent,
        ChannelId = channel,
        ChannelType = channel.ToUpperInvariant(),
        Extension = "ext/1234",
        Timestamp = At(time),
        DialogId = "57f78d8e-5579-47de-b3d0-8aee161039c0",
        ChannelProviderId = "aba84546-1ac2-478e-b225-cadc7e8a2862",
    };

    internal static AddParticipantRequest AddExternal(string account = Account, string engagementId = EngagementId) => new()
    {
        AccountId = account,
        EngagementId = engagementId,
        ParticipantId = "443f413f-75f4-4ee4-a261-275e2c4a4c6f",
        Type = ParticipantType.External,
        ChannelId = "Voice",
        ChannelType = "VOICE",
        CallingNumber = "087 12345",
        DialledNumber = "1590 12345",
        Timestamp = At("2019-07-23T17:45:21.001Z"),
        DialogId = "67ec5131-259c-4924-bb08-d87cf315e5e3",
    };

    internal static CreateIdentifierTypeRequest CreateIdentifierType(string account = Account, string name = "universalIds") => new()
    {
        AccountId = account,
        Name = name,
        DisplayName = "Universal ids",
        IdentifierStrength = IdentifierStrength.Strong,
    };
}
