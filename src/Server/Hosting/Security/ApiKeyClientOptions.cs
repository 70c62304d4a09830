namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>One <c>appkey</c> client under <c>Auth:ApiKeys:&lt;name&gt;</c>.</summary>
public sealed class ApiKeyClientOptions
{
    /// <summary>SHA-256 of the key, hex (e.g. <c>printf %s "$KEY" | sha256sum</c>); the key itself is never configured.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The client's roles.</summary>
    public List<string> Roles { get; } = [];

    /// <summary>The accounts (tenants) the client may touch; <c>*</c> is every account.</summary>
    public List<string> Accounts { get; } = [];
}
