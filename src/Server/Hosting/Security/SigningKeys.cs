using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>Reads the configured JWT signing keys: base64 HMAC secrets or PEM public keys.</summary>
internal static class SigningKeys
{
    private const int MinimumHmacBytes = 32;

    internal static bool IsValid(string value)
    {
        try
        {
            _ = Parse(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    internal static SecurityKey Parse(string value)
    {
        if (value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(value);
                return new RsaSecurityKey(rsa);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(value);
                return new ECDsaSecurityKey(ec);
            }
        }

        var bytes = Convert.FromBase64String(value);
        return bytes.Length >= MinimumHmacBytes ? new SymmetricSecurityKey(bytes) : throw new FormatException("An HMAC key needs at least 32 bytes.");
    }
}
