namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>A request body over the gateway's size limit (HTTP 413).</summary>
internal sealed class PayloadTooLargeException(string message) : Exception(message)
{
}
