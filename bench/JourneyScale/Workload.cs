using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Bench.JourneyScale;

/// <summary>
/// The synthetic customers. Journey <c>j</c> has an e-mail on every engagement, a phone number on every
/// other one and an account id on the last, so each engagement links into the same journey; channels,
/// conversations and start dates (spread over two years) vary per engagement.
/// </summary>
internal static class Workload
{
    internal const string Account = "BENCHA";
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Channels = ["Voice", "Chat", "Email"];

    internal static string Email(int journey) => string.Create(CultureInfo.InvariantCulture, $"customer-{journey}@example.org");

    internal static string Phone(int journey) => string.Create(CultureInfo.InvariantCulture, $"+1 555 {journey:D7}");

    internal static CreateEngagementRequest Engagement(int journey, int index, int perJourney)
    {
        var request = new CreateEngagementRequest
        {
            AccountId = Account,
            Id = new Guid(journey, (short)index, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 0).ToString(),
            StartDate = Timestamp.FromDateTimeOffset(Epoch.AddMinutes(((long)journey * 7919 + index * 104_729L) % (2 * 365 * 24 * 60))),
            Conversations = { string.Create(CultureInfo.InvariantCulture, $"Purpose {index % 4}") },
            Channels = { new Channel { Id = Channels[index % Channels.Length], Type = Channels[index % Channels.Length].ToUpperInvariant() } },
            Data = { ["referenceNumber"] = string.Create(CultureInfo.InvariantCulture, $"ref-{journey}-{index}") },
        };
        request.Identifiers.Add("emailAddresses", Strings(Email(journey)));
        if (index % 2 == 0)
        {
            request.Identifiers.Add("phoneNumbers", Strings(Phone(journey)));
        }

        if (index == perJourney - 1)
        {
            request.Identifiers.Add("accountIds", Strings(string.Create(CultureInfo.InvariantCulture, $"acct-{journey}")));
        }

        return request;
    }

    internal static SearchJourneysRequest SearchByEmail(int journey) => new()
    {
        AccountId = Account,
        Query = new JourneyQuery { Identifiers = { ["emailAddresses"] = Strings(Email(journey)) } },
    };

    internal static SearchJourneysRequest SearchByPhoneAndChannel(int journey) => new()
    {
        AccountId = Account,
        Query = new JourneyQuery { Identifiers = { ["phoneNumbers"] = Strings(Phone(journey)) }, ChannelIds = { "Voice" } },
    };

    private static ListValue Strings(string value) => new() { Values = { Value.ForString(value) } };
}
