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
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(type + "\n" + value), hash);
        return Base64Url.EncodeToString(hash[..18]);
    }
}
