using System.Net.Http.Headers;

namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>Response headers or trailers as <see cref="Metadata"/>, without the protocol fields.</summary>
internal static class ResponseMetadata
{
    internal static Metadata FromHeaders(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            if (!IsMetadataKey(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                try
                {
                    MetadataHeaders.AddHeaderValue(metadata, header.Key, value);
                }
                catch (RpcException)
                {
                    // Undecodable base64: receivers may drop what they can't read rather than fail the call
                    // (PROTOCOL-HTTP2.md, "Custom-Metadata").
                }
            }
        }

        return metadata;
    }

    private static bool IsMetadataKey(string name)
    {
        if (name.Length == 0
            || name.Equals(GrpcProtocolConstants.StatusTrailer, StringComparison.OrdinalIgnoreCase)
            || name.Equals(GrpcProtocolConstants.MessageTrailer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Skips pseudo-headers and any name Metadata would refuse (only 0-9 a-z _ - . are legal).
        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
