namespace JourneyGrpc.Rpc.Internal;

/// <summary>The request stream of a client- or duplex-streaming call.</summary>
internal sealed class HttpContextStreamReader<T>(HttpContextServerCallContext callContext, Marshaller<T> marshaller) : IAsyncStreamReader<T>
    where T : class
{
    private T? _current;
    private bool _completed;
    private int _reading;

    public T Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
        }

        try
        {
            if (_completed)
            {
                return false;
            }

            using var linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callContext.CancellationToken)
                : null;
            var token = linked?.Token ?? callContext.CancellationToken;
            var message = await MessageFraming.ReadMessageAsync(callContext.HttpContext.Request.BodyReader, callContext.ReadSettings, marshaller.Deserializer, token).ConfigureAwait(false);
            if (message is null)
            {
                _completed = true;
                _current = null;
                return false;
            }

            _current = message;
            return true;
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }
}
