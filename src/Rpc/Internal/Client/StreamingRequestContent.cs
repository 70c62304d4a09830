using System.Net;

namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>
/// The body of a client- or duplex-streaming call. SocketsHttpHandler calls
/// <see cref="SerializeToStreamAsync(Stream, TransportContext?, CancellationToken)"/> once and ends
/// the body (END_STREAM) when it returns, so it hands the request stream to the writer and waits
/// until the writer completes or the call ends.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal StreamingRequestContent() => Headers.TryAddWithoutValidation("Content-Type", GrpcProtocolConstants.GrpcContentType);

    /// <summary>The request stream, once the handler has sent the headers; cancelled when the call ends first.</summary>
    internal Task<Stream> GetStreamAsync() => _stream.Task;

    /// <summary>Ends the body normally: the handler sends END_STREAM.</summary>
    internal void Complete() => _completed.TrySetResult();

    /// <summary>Fails a body that was not completed, so the handler resets the stream instead of half-closing it.</summary>
    internal void Abort()
    {
        _stream.TrySetCanceled();
        _completed.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // SocketsHttpHandler holds HTTP/2 request headers until the first DATA frame or a flush; flush so
        // the server sees the call (and can answer, e.g. duplex) before the first message, as
        // grpc-dotnet's PushStreamContent does.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (!_stream.TrySetResult(stream))
        {
            throw new OperationCanceledException("The call ended before the request stream opened.");
        }

        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
