using System.Text;

namespace JourneyGrpc.Rpc.Generator;

/// <summary>Writes indented C# text with <c>\n</c> line endings, so output is the same on every OS.</summary>
internal sealed class CodeWriter
{
    private const int IndentSize = 4;

    private readonly StringBuilder _text = new();
    private int _depth;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * IndentSize).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents.</summary>
    public CodeWriter Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return this;
    }

    /// <summary>Outdents and writes the closing brace.</summary>
    public CodeWriter Close()
    {
        _depth--;
        return Line("}");
    }

    /// <summary>A <c>summary</c> made of the proto comment lines, or of <paramref name="fallback"/> when there are none.</summary>
    public CodeWriter Summary(IReadOnlyList<string> docLines, string? fallback = null)
    {
        if (docLines.Count == 0)
        {
            return fallback is null ? this : Line("/// <summary>" + fallback + "</summary>");
        }

        Line("/// <summary>");
        foreach (var docLine in docLines)
        {
            Line("///" + docLine);
        }

        return Line("/// </summary>");
    }

    public override string ToString() => _text.ToString();
}
