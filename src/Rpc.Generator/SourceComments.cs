using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc.Generator;

/// <summary>
/// The comments of one proto file, turned into XML doc lines the way protoc's C# generator does
/// (protobuf <c>csharp_doc_comment.cc</c>): leading comment, else trailing; <c>&amp;</c> and
/// <c>&lt;</c> escaped; runs of blank lines squashed to one; trailing blank lines dropped.
/// </summary>
internal sealed class SourceComments
{
    // Field numbers in descriptor.proto: FileDescriptorProto.service = 6, ServiceDescriptorProto.method = 2.
    private const int ServiceField = 6;
    private const int MethodField = 2;

    private readonly Dictionary<string, SourceCodeInfo.Types.Location> _locations = new(StringComparer.Ordinal);

    public SourceComments(FileDescriptorProto file)
    {
        if (file.SourceCodeInfo is null)
        {
            return;
        }

        foreach (var location in file.SourceCodeInfo.Location)
        {
            // The first location for a path is the declaration itself.
            _locations.TryAdd(string.Join(',', location.Path), location);
        }
    }

    public IReadOnlyList<string> ForService(int serviceIndex) => DocLines($"{ServiceField},{serviceIndex}");

    public IReadOnlyList<string> ForMethod(int serviceIndex, int methodIndex) =>
        DocLines($"{ServiceField},{serviceIndex},{MethodField},{methodIndex}");

    /// <summary>Turns raw comment text into doc lines (each keeps its leading space, as protoc's do).</summary>
    public static IReadOnlyList<string> ToDocLines(string comment)
    {
        if (comment.Length == 0)
        {
            return [];
        }

        var escaped = comment
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);
        var lines = new List<string>();
        var lastWasEmpty = false;
        foreach (var line in escaped.Split('\n'))
        {
            if (line.Length == 0)
            {
                lastWasEmpty = true;
                continue;
            }

            if (lastWasEmpty && lines.Count > 0)
            {
                lines.Add(string.Empty);
            }

            lastWasEmpty = false;
            lines.Add(line);
        }

        return lines;
    }

    private IReadOnlyList<string> DocLines(string path)
    {
        if (!_locations.TryGetValue(path, out var location))
        {
            return [];
        }

        return ToDocLines(location.LeadingComments.Length > 0 ? location.LeadingComments : location.TrailingComments);
    }
}
