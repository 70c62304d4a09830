namespace JourneyGrpc.Store.Internal;

/// <summary>One forward-only schema step; <see cref="Sql"/> may hold several statements.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
