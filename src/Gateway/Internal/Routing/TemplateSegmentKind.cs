namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>The kinds of path-template segment (http.proto grammar).</summary>
internal enum TemplateSegmentKind
{
    /// <summary>Fixed text, matched after percent-decoding the request segment.</summary>
    Literal,

    /// <summary><c>*</c>: exactly one segment.</summary>
    Wildcard,

    /// <summary><c>**</c>: zero or more segments; only last.</summary>
    DeepWildcard,
}
