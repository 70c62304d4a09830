using System.Globalization;
using System.Text;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>
/// Request bodies written as printf(1) would send them: <c>\xHH</c> is one raw byte, everything
/// else is UTF-8 (so <c>\u</c> stays a JSON escape). Lets a table show the exact bytes a client
/// got wrong, as the bug report's <c>printf '{"id":"\xff\xfe\x80"}'</c> does.
/// </summary>
public static class PrintfBytes
{
    public static byte[] Parse(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
                continue;
            }

            var length = char.IsHighSurrogate(text[i]) ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, length)));
            i += length - 1;
        }

        return [.. bytes];
    }
}
