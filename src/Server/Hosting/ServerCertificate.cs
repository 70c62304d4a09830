using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JourneyGrpc.Server.Hosting;

/// <summary>Loads the configured TLS certificate (PEM + key, or PKCS#12), naming the setting in every error.</summary>
internal static class ServerCertificate
{
    internal static X509Certificate2? Load(ServerEndpointOptions options)
    {
        if (string.IsNullOrEmpty(options.CertificatePath))
        {
            return null;
        }

        const string Key = $"{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.CertificatePath)}";
        try
        {
            var extension = Path.GetExtension(options.CertificatePath).ToLowerInvariant();
            if (extension is ".pfx" or ".p12")
            {
                return X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            }

            var pem = string.IsNullOrEmpty(options.CertificatePassword)
                ? X509Certificate2.CreateFromPemFile(options.CertificatePath, options.CertificateKeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(options.CertificatePath, options.CertificatePassword, options.CertificateKeyPath);

            // Windows cannot use an ephemeral PEM key for TLS; exporting to PKCS#12 works on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"{Key} '{options.CertificatePath}' cannot be loaded: {ex.Message}", ex);
        }
    }
}
