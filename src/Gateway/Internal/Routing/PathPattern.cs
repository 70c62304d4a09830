namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>
/// A compiled template that matches request paths: literals compare with the percent-decoded
/// request segment, <c>*</c> takes one non-empty segment, <c>**</c> the rest, and the verb must
/// end the path exactly.
/// </summary>
internal sealed class PathPattern
{
    private readonly TemplateSegment[] _segments;
    private readonly string[] _literals;
    private readonly string? _verbSuffix;

    internal PathPattern(HttpTemplate template)
    {
        Template = template;
        _segments = [.. template.Segments];
        _literals = [.. _segments.Select(s => s.Kind == TemplateSegmentKind.Literal ? PercentDecoding.Decode(s.Literal) ?? s.Literal : string.Empty)];
        _verbSuffix = template.Verb is null ? null : ":" + template.Verb;
        Precedence = [.. _segments.Select(s => (int)s.Kind)];
    }

    internal HttpTemplate Template { get; }

    /// <summary>Per segment: 0 literal, 1 <c>*</c>, 2 <c>**</c>; compared left to right, lower wins.</summary>
    internal int[] Precedence { get; }

    /// <summary>Matches <paramref name="path"/> (raw, percent-encoded, no query); null when it does not match.</summary>
    internal PathMatch? Match(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return null;
        }

        if (_verbSuffix is not null)
        {
            if (!path.EndsWith(_verbSuffix, StringComparison.Ordinal))
            {
                return null;
            }

            path = path[..^_verbSuffix.Length];
        }

        var parts = path[1..].Split('/');
        var deep = Template.EndsWithDeepWildcard;
        if (deep ? parts.Length < _segments.Length - 1 : parts.Length != _segments.Length)
        {
            return null;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            switch (_segments[i].Kind)
            {
                case TemplateSegmentKind.Literal:
                    if (!string.Equals(PercentDecoding.Decode(parts[i]), _literals[i], StringComparison.Ordinal))
                    {
                        return null;
                    }

                    break;
                case TemplateSegmentKind.Wildcard:
                    if (parts[i].Length == 0)
                    {
                        return null;
                    }

                    break;
                default:
                    // '**' takes whatever remains, including nothing; its segments may not be empty.
                    for (var j = i; j < parts.Length; j++)
                    {
                        if (parts[j].Length == 0)
                        {
                            return null;
                        }
                    }

                    break;
            }
        }

        if (Template.Variables.Count == 0)
        {
            return PathMatch.Empty;
        }

        var values = new KeyValuePair<string, string>[Template.Variables.Count];
        for (var v = 0; v < values.Length; v++)
        {
            var variable = Template.Variables[v];
            var end = variable.EndsWithDeepWildcard ? parts.Length : variable.EndSegment;
            var raw = string.Join('/', parts, variable.StartSegment, end - variable.StartSegment);
            var decoded = PercentDecoding.Decode(raw, keepEncodedSlash: variable.IsMultiSegment);
            if (decoded is null)
            {
                return null;
            }

            values[v] = new(variable.FieldPath, decoded);
        }

        return new PathMatch(values);
    }
}
