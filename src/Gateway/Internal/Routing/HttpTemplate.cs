namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>A parsed <c>google.api.HttpRule</c> path template: segments, variables and verb.</summary>
internal sealed class HttpTemplate
{
    internal HttpTemplate(string text, IReadOnlyList<TemplateSegment> segments, IReadOnlyList<TemplateVariable> variables, string? verb)
    {
        Text = text;
        Segments = segments;
        Variables = variables;
        Verb = verb;
    }

    /// <summary>The template as written in the proto.</summary>
    internal string Text { get; }

    internal IReadOnlyList<TemplateSegment> Segments { get; }

    internal IReadOnlyList<TemplateVariable> Variables { get; }

    /// <summary>The custom verb after the last <c>:</c> (e.g. <c>search</c>), or null.</summary>
    internal string? Verb { get; }

    internal bool EndsWithDeepWildcard => Segments.Count > 0 && Segments[^1].Kind == TemplateSegmentKind.DeepWildcard;
}
