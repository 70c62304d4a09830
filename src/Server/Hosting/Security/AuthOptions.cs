namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// The <c>Auth</c> section: JWT bearer tokens and <c>appkey</c> clients. With neither configured the
/// server runs in development mode (loopback only; callers without credentials act as a developer
/// with every role on every account; a signed test token is printed at start-up).
/// </summary>
public sealed class AuthOptions
{
    internal const string SectionName = "Auth";

    /// <summary>JWT bearer validation.</summary>
    public JwtAuthOptions Jwt { get; set; } = new();

    /// <summary>API-key clients by name, for the Avaya <c>appkey</c> header.</summary>
    public Dictionary<string, ApiKeyClientOptions> ApiKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The claim that carries roles, in tokens and for API-key clients.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that carries the accounts (tenants) a caller may touch; <c>*</c> is every account.</summary>
    public string AccountClaim { get; set; } = "account";

    /// <summary>True when neither JWT validation nor an API key is configured.</summary>
    internal bool IsDevelopment => !Jwt.IsConfigured && ApiKeys.Count == 0;
}
