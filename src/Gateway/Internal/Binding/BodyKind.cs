namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>What the request body fills (HttpRule <c>body</c>).</summary>
internal enum BodyKind
{
    /// <summary>No <c>body</c>: the request body is ignored; fields come from the path and the query.</summary>
    None,

    /// <summary><c>body: "*"</c>: the whole message, except path-bound fields; nothing from the query.</summary>
    Whole,

    /// <summary><c>body: "field"</c>: one top-level field; the rest from the path and the query.</summary>
    Field,
}
