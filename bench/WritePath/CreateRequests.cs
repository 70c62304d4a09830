using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Bench.WritePath;

/// <summary>
/// The create measured everywhere: a new customer per call (a new engagement id, an e-mail address and
/// a phone number never seen before, one chat channel), so every create links a new journey, the common
/// case without a merge. The ceiling writes the batch the product builds from this very request.
/// </summary>
internal static class CreateRequests
{
    internal const string Account = "BENCHW";

    internal static CreateEngagementRequest New()
    {
        var id = Guid.NewGuid();
        var request = new CreateEngagementRequest
        {
            AccountId = Account,
            Id = id.ToString("D"),
            StartDate = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Channels = { new Channel { Id = "Chat", Type = "CHAT" } },
        };
        request.Identifiers.Add("emailAddresses", new ListValue { Values = { Value.ForString($"visitor-{id:N}@example.org") } });
        // Fifteen digits from the id's 128 random bits: a 32-bit hash would repeat a number within a run of
        // tens of thousands of creates (a merge, not a new customer; a duplicate link for the ceiling).
        var digits = BitConverter.ToUInt64(id.ToByteArray(), 0) % 1_000_000_000_000_000UL;
        request.Identifiers.Add("phoneNumbers", new ListValue { Values = { Value.ForString($"+44 {digits:D15}") } });
        return request;
    }
}
