using System.Buffers.Text;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>
/// Metadata to and from HTTP/2 header fields. Binary (-bin) values travel as base64: sent
/// unpadded, accepted padded or unpadded; joined values are split on ',' before decoding
/// (PROTOCOL-HTTP2.md, "Custom-Metadata").
/// </summary>
internal static class MetadataHeaders
{
    internal static void AddHeaderValue(Metadata metadata, string key, string? value)
    {
        if (key.Length == 0 || key[0] == ':' || GrpcProtocolConstants.FilteredRequestHeaders.Contains(key))
        {
            return;
        }

        var normalized = key.ToLowerInvariant();
        if (!normalized.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
        {
            metadata.Add(new Metadata.Entry(normalized, value ?? string.Empty));
            return;
        }

        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
        {
            metadata.Add(new Metadata.Entry(normalized, DecodeBase64(normalized, part)));
        }
    }

    internal static string FormatValue(Metadata.Entry entry) => entry.IsBinary ? EncodeBase64Unpadded(entry.ValueBytes) : entry.Value;

    internal static string EncodeBase64Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] DecodeBase64(string key, string value)
    {
        // Accept standard or URL-safe alphabets, padded or not.
        var normalized = value.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        var remainder = normalized.Length % 4;
        if (remainder == 1)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Metadata '{key}' is not valid base64."));
        }

        if (remainder != 0)
        {
            normalized += new string('=', 4 - remainder);
        }

        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(normalized.Length)];
        if (!Convert.TryFromBase64String(normalized, bytes, out var written))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Metadata '{key}' is not valid base64."));
        }

        return bytes.AsSpan(0, written).ToArray();
    }
}
