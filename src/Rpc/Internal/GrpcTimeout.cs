using System.Globalization;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>
/// The grpc-timeout header: a positive integer of at most 8 digits and one unit
/// (H, M, S, m, u, n). See PROTOCOL-HTTP2.md, "Timeout".
/// </summary>
internal static class GrpcTimeout
{
    private const int MaxDigits = 8;

    internal static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > MaxDigits + 1)
        {
            return false;
        }

        var digits = value.AsSpan(0, value.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * 10,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(Math.Min(ticks.Value, GrpcProtocolConstants.MaxTimeout.Ticks));
        return true;
    }

    /// <summary>Encodes a timeout in the finest unit that fits in 8 digits.</summary>
    internal static string Encode(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var ticks = timeout.Ticks;
        const long MaxValue = 99_999_999;
        if (ticks <= MaxValue / 100)
        {
            return (ticks * 100).ToString(CultureInfo.InvariantCulture) + "n";
        }

        if (ticks / 10 <= MaxValue)
        {
            return CeilDiv(ticks, 10).ToString(CultureInfo.InvariantCulture) + "u";
        }

        if (ticks / TimeSpan.TicksPerMillisecond <= MaxValue)
        {
            return CeilDiv(ticks, TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (ticks / TimeSpan.TicksPerSecond <= MaxValue)
        {
            return CeilDiv(ticks, TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + "S";
        }

        if (ticks / TimeSpan.TicksPerMinute <= MaxValue)
        {
            return CeilDiv(ticks, TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture) + "M";
        }

        return Math.Min(CeilDiv(ticks, TimeSpan.TicksPerHour), MaxValue).ToString(CultureInfo.InvariantCulture) + "H";
    }

    private static long CeilDiv(long value, long divisor) => (value + divisor - 1) / divisor;
}
