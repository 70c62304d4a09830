using System.Globalization;
using System.Text;

namespace JourneyGrpc.Store.Internal;

/// <summary>
/// A record's index entries as the JSON array <c>[[name, key, sort], …]</c> that SQLite records list
/// (<see cref="RecordWriteSql.ListedOnRecord"/>) and <c>json_each</c> reads back. Only what JSON requires is
/// escaped (RFC 8259 §7: quote, backslash, control characters); a number is a 64-bit integer, which
/// SQLite's JSON functions return as an INTEGER.
/// </summary>
internal static class IndexEntriesJson
{
    /// <summary>The JSON text, built in <paramref name="buffer"/>; <see cref="DBNull.Value"/> when there are no entries.</summary>
    internal static object Format(IReadOnlyList<IndexEntry> entries, StringBuilder buffer)
    {
        if (entries.Count == 0)
        {
            return DBNull.Value;
        }

        buffer.Clear().Append('[');
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            buffer.Append(i == 0 ? "[" : ",[");
            AppendString(buffer, entry.Name);
            buffer.Append(',');
            AppendString(buffer, entry.Key);
            buffer.Append(CultureInfo.InvariantCulture, $",{entry.Sort}]");
        }

        return buffer.Append(']').ToString();
    }

    private static void AppendString(StringBuilder buffer, string value)
    {
        buffer.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    buffer.Append("\\\"");
                    break;
                case '\\':
                    buffer.Append("\\\\");
                    break;
                case < ' ':
                    buffer.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    buffer.Append(c);
                    break;
            }
        }

        buffer.Append('"');
    }
}
