namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>The server's authentication scheme names and headers.</summary>
internal static class AuthSchemes
{
    /// <summary>The default scheme: picks one of the others by the request's headers.</summary>
    internal const string Select = "JourneyGrpc";

    internal const string ApiKey = "AppKey";

    internal const string Development = "Development";

    /// <summary>The Avaya API-key header.</summary>
    internal const string ApiKeyHeader = "appkey";

    /// <summary>Roles a development caller (and the printed test token) has.</summary>
    internal static readonly string[] DevelopmentRoles = ["Agent", "Account Administrator", "OCS", "GWE", "Context Services"];

    /// <summary>The account value that stands for every account.</summary>
    internal const string AnyAccount = "*";
}
