using System.IO.Pipelines;

namespace JourneyGrpc.Bench.Microbenchmarks;

/// <summary>A response body that keeps only the count of bytes written, so the benchmarks measure no copy to a socket.</summary>
internal sealed class DiscardingPipeWriter : PipeWriter
{
    private readonly byte[] _buffer = new byte[64 * 1024];

    /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
    internal long BytesWritten { get; private set; }

    internal void Reset() => BytesWritten = 0;

    public override void Advance(int bytes) => BytesWritten += bytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer;

    public override Span<byte> GetSpan(int sizeHint = 0) => _buffer;

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new FlushResult(false, false));
}
