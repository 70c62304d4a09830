using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace JourneyGrpc.Server.Journey.Storage;

/// <summary>
/// One identifier value of a type, e.g. (<c>phoneNumbers</c>, <c>019 718 0171</c>). Values compare
/// exactly. <see cref="Token"/> is its fixed-length store key: the first 18 bytes of SHA-256 over
/// type and value, base64url (24 characters), short enough for record ids and composite index keys.
/// </summary>
internal sealed record IdentifierKey(string Type, string Value)
{
    /// <summary>The store key of the identifier.</summary>
    public string Token { get; } = ComputeToken(Type, Value);

    internal IdentifierRef ToRef() => new() { Type = Type, Value = Value };

    internal static IdentifierKey From(IdentifierRef reference) => new(reference.Type, reference.Value);

    private static string ComputeToken(string type, string value)
    {
        // UTF-8 of type + "\n" + value, hashed from a stack (or pooled) buffer instead of a joined string and a byte array.
        var length = Encoding.UTF8.GetByteCount(type) + 1 + Encoding.UTF8.GetByteCount(value);
        byte[]? rented = null;
        Span<byte> buffer = length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(type, buffer);
            buffer[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(value, buffer[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return Base64Url.EncodeToString(hash[..18]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
