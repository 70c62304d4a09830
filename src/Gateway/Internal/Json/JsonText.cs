using System.Globalization;

namespace JourneyGrpc.Gateway.Internal.Json;

/// <summary>
/// JSON string literals with only the escapes RFC 8259 requires (<c>"</c>, <c>\</c>, control
/// characters): legacy servers send <c>&lt;</c>, <c>'</c> and non-ASCII text as is, and clients
/// compare bytes.
/// </summary>
internal static class JsonText
{
    internal static void WriteString(TextWriter writer, string value)
    {
        writer.Write('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            writer.Write(value.AsSpan(start, i - start));
            writer.Write(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
            start = i + 1;
        }

        writer.Write(value.AsSpan(start));
        writer.Write('"');
    }
}
