namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>One segment of a parsed path template.</summary>
internal readonly record struct TemplateSegment(TemplateSegmentKind Kind, string Literal)
{
    internal static TemplateSegment Wildcard { get; } = new(TemplateSegmentKind.Wildcard, "*");

    internal static TemplateSegment DeepWildcard { get; } = new(TemplateSegmentKind.DeepWildcard, "**");

    public override string ToString() => Literal;
}
