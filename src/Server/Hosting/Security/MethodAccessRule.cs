namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>Who may call one method (any of <see cref="Roles"/>) and, when set, which request field names the account.</summary>
internal sealed record MethodAccessRule(string Method, IReadOnlyList<string> Roles, AccountField? Account);
