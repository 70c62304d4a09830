namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>A request body of a content type the route can't read (HTTP 415).</summary>
internal sealed class UnsupportedMediaTypeException(string message) : Exception(message)
{
}
