namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>A record's message and the version to write it back at.</summary>
internal sealed record Versioned<T>(T Value, long Version);
