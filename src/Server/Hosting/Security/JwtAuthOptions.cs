namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>The <c>Auth:Jwt</c> section: how bearer tokens are validated.</summary>
public sealed class JwtAuthOptions
{
    /// <summary>An OpenID Connect authority whose metadata gives the issuer and signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Whether the authority's metadata must be fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The required <c>iss</c>; with <see cref="Authority"/>, taken from its metadata when empty.</summary>
    public string? Issuer { get; set; }

    /// <summary>The required <c>aud</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Signing keys: base64 HMAC keys (at least 32 bytes), or PEM public keys (RSA or EC,
    /// <c>-----BEGIN PUBLIC KEY-----</c>).
    /// </summary>
    public List<string> SigningKeys { get; } = [];

    /// <summary>Tolerance on <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    internal bool IsConfigured => !string.IsNullOrEmpty(Authority) || SigningKeys.Count > 0;
}
