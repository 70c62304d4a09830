using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Store.Tests.V1;

namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>Test messages: every field kind set, plus unknown fields a newer writer might have added.</summary>
internal static class Records
{
    internal static TestRecord Rich(string id, string name = "alice", long number = 42)
    {
        var record = new TestRecord
        {
            Id = id,
            Name = name,
            Number = number,
            Ratio = 0.1 + 0.2,
            Flag = true,
            Blob = ByteString.CopyFrom(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray()),
            Tags = { "vip", "ünïcødé ☎", string.Empty },
            Attributes = { ["channel"] = "voice", ["empty"] = string.Empty },
            Created = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 12, 30, 45, TimeSpan.Zero).AddTicks(1234560)),
            Extra = Struct.Parser.ParseJson("""{"score": 1.5, "labels": ["a", null, true], "nested": {"x": -1}}"""),
            Kind = (Kind)7,
            Count = -123,
            Nested = new Nested { Note = "root", Children = { new Nested { Note = "child", Children = { new Nested { Note = "grandchild" } } } } },
            Samples = { 0UL, ulong.MaxValue },
        };

        // Field 99 is not in the schema: a faithful store keeps it.
        var withUnknown = record.ToByteArray().Concat(new byte[] { 0x9a, 0x06, 0x03, (byte)'n', (byte)'e', (byte)'w' }).ToArray();
        return TestRecord.Parser.ParseFrom(withUnknown);
    }

    internal static TestRecord Small(string id, string name = "n", long number = 0) => new() { Id = id, Name = name, Number = number };
}
