namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// A request that can't become the method's request message: a malformed body, an unknown
/// field, a value of the wrong type. Becomes INVALID_ARGUMENT with a google.rpc.BadRequest field
/// violation naming <see cref="Field"/>.
/// </summary>
internal sealed class BindingException(string field, string description) : Exception(field.Length == 0 ? description : $"{field}: {description}")
{
    /// <summary>The field as the client named it: a JSON path (<c>thing.labels[1]</c>), a query key or a path variable.</summary>
    internal string Field { get; } = field;

    internal string Description { get; } = description;
}
