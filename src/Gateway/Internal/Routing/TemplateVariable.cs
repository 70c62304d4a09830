namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>
/// A <c>{field.path=segments}</c> variable: it captures the request segments from
/// <see cref="StartSegment"/> up to, not including, <see cref="EndSegment"/> of the template.
/// </summary>
internal sealed record TemplateVariable(string FieldPath, int StartSegment, int EndSegment)
{
    /// <summary>True for a variable of more than one segment or with <c>**</c>: its value keeps <c>%2F</c> encoded.</summary>
    internal bool IsMultiSegment { get; init; }

    /// <summary>True when the variable ends with <c>**</c> and so captures a variable number of segments.</summary>
    internal bool EndsWithDeepWildcard { get; init; }
}
