using System.IO.Pipelines;

namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>The response stream of a server- or duplex-streaming call; its end reads the status from the trailers.</summary>
internal sealed class HttpContentClientStreamReader<TRequest, TResponse>(HttpClientCall<TRequest, TResponse> call, Task<HttpResponseMessage?> responseTask) : IAsyncStreamReader<TResponse>
    where TRequest : class
    where TResponse : class
{
    private HttpResponseMessage? _response;
    private PipeReader? _reader;
    private TResponse? _current;
    private bool _ended;
    private int _reading;

    public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (call.IsDisposed)
        {
            // Reading after Dispose throws: the cancellation status, or ObjectDisposedException for a call that had already ended OK.
            var disposed = new ObjectDisposedException(GetType().Name);
            return Task.FromException<bool>(call.IsEnded ? call.EndedException(disposed) : disposed);
        }

        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            return Task.FromException<bool>(new InvalidOperationException("Can't read the next message because the previous read is still in progress."));
        }

        return MoveNextCoreAsync(cancellationToken);
    }

    private async Task<bool> MoveNextCoreAsync(CancellationToken cancellationToken)
    {
        using var registration = call.RegisterCancellation(cancellationToken);
        try
        {
            if (!_ended)
            {
                try
                {
                    if (_reader is null)
                    {
                        // Null when the call ended at the headers (Trailers-Only, error, deadline, cancellation).
                        _response = await responseTask.ConfigureAwait(false);
                        _reader = _response is null ? null : await call.CreateResponseReaderAsync(_response).ConfigureAwait(false);
                    }

                    if (_reader is not null)
                    {
                        var message = await MessageFraming.ReadMessageAsync(_reader, call.ReadSettings, call.ResponseMarshaller.Deserializer, call.CallToken).ConfigureAwait(false);
                        if (message is not null)
                        {
                            _current = message;
                            return true;
                        }

                        call.EndWithTrailers(_response!);
                    }
                }
                catch (Exception ex)
                {
                    EndReading();
                    throw call.OnReadFailed(ex);
                }

                EndReading();
            }

            _current = null;
            return call.GetStatus().StatusCode == StatusCode.OK ? false : throw call.CreateException();
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    private void EndReading()
    {
        _ended = true;
        _reader?.Complete();
        _reader = null;
    }
}
