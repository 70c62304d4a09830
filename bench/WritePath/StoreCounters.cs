namespace JourneyGrpc.Bench.WritePath;

/// <summary>A snapshot of <see cref="CountingStore"/>: store round trips, records written, conflicts and the time spent waiting on each kind.</summary>
internal sealed record StoreCounters(long Reads, long Writes, long Records, long Conflicts, TimeSpan ReadTime, TimeSpan WriteTime)
{
    internal StoreCounters Since(StoreCounters start) =>
        new(Reads - start.Reads, Writes - start.Writes, Records - start.Records, Conflicts - start.Conflicts, ReadTime - start.ReadTime, WriteTime - start.WriteTime);
}
