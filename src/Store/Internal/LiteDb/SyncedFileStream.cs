namespace JourneyGrpc.Store.Internal.LiteDb;

/// <summary>
/// A LiteDB data or log file. LiteDB 5.0.21 writes a commit to its log without a sync and, for a stream
/// it was given, "flushes to disk" with a plain <see cref="Stream.Flush()"/>; here every flush is an
/// fsync (<see cref="FileStream.Flush(bool)"/>), and <see cref="Sync"/> is called by the writer after each
/// commit. It counts writes and syncs, so tests can see that no acknowledged commit is left unsynced.
/// Opened with <see cref="FileShare.None"/>: a second process (or store) on the same file fails at once.
/// </summary>
internal sealed class SyncedFileStream(FileStream file, long? maxLength = null) : Stream
{
    private const int NoSpaceLeftOnDevice = 28; // ENOSPC
    private long _syncs;
    private long _unsyncedWrites;

    internal string Path => file.Name;

    /// <summary>How many fsyncs have completed.</summary>
    internal long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Writes since the last fsync; 0 once a commit is durable.</summary>
    internal long UnsyncedWrites => Interlocked.Read(ref _unsyncedWrites);

    public override bool CanRead => file.CanRead;

    public override bool CanSeek => file.CanSeek;

    public override bool CanWrite => file.CanWrite;

    public override long Length => file.Length;

    public override long Position { get => file.Position; set => file.Position = value; }

    /// <summary>fsync: the file's data is on disk when this returns.</summary>
    internal void Sync()
    {
        file.Flush(flushToDisk: true);
        Interlocked.Exchange(ref _unsyncedWrites, 0);
        Interlocked.Increment(ref _syncs);
    }

    public override void Flush() => Sync();

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        ThrowIfFull(value);
        file.SetLength(value);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfFull(file.Position + count);
        file.Write(buffer, offset, count);
        Interlocked.Increment(ref _unsyncedWrites);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ThrowIfFull(long length)
    {
        if (maxLength is { } max && length > max)
        {
            throw new IOException($"No space left on device : '{file.Name}'", NoSpaceLeftOnDevice);
        }
    }
}
