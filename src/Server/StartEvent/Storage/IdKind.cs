namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>A kind of server-assigned id and its range: services 64-bit, states and tasks 32-bit (Context Services B.1).</summary>
internal sealed record IdKind(string Name, long Max)
{
    internal static IdKind Services { get; } = new("services", long.MaxValue - 1);

    internal static IdKind States { get; } = new("states", int.MaxValue);

    internal static IdKind Tasks { get; } = new("tasks", int.MaxValue);
}
