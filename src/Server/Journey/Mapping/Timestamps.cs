using Google.Protobuf.WellKnownTypes;

namespace JourneyGrpc.Server.Journey.Mapping;

/// <summary>Timestamp conversions for index sort values (Unix milliseconds).</summary>
internal static class Timestamps
{
    internal static long ToUnixMilliseconds(Timestamp timestamp) =>
        (timestamp.Seconds * 1000) + (timestamp.Nanos / 1_000_000);

    internal static Timestamp FromTime(DateTimeOffset time) => Timestamp.FromDateTimeOffset(time);

    /// <summary>Whether the seconds and nanos form a valid timestamp (0001-01-01 to 9999-12-31, nanos 0..999,999,999).</summary>
    internal static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds is >= -62_135_596_800 and <= 253_402_300_799 && timestamp.Nanos is >= 0 and <= 999_999_999;
}
