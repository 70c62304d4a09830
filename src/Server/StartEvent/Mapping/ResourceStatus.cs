namespace JourneyGrpc.Server.StartEvent.Mapping;

/// <summary>The two lifecycle filters of the query URLs (<c>.../active</c>, <c>.../completed</c>).</summary>
internal static class ResourceStatus
{
    internal const string Active = "active";
    internal const string Completed = "completed";
}
