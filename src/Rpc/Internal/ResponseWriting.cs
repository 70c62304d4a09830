namespace JourneyGrpc.Rpc.Internal;

/// <summary>Writes response messages under the call's write lock, so they never race the status.</summary>
internal static class ResponseWriting
{
    /// <summary>Writes one message without flushing, if the write section is free at once (the unary fast path).</summary>
    internal static bool TryWrite<T>(HttpContextServerCallContext callContext, Marshaller<T> marshaller, T message)
    {
        if (!callContext.TryEnterWrite())
        {
            return false;
        }

        try
        {
            WriteCore(callContext, marshaller, message, null);
            return true;
        }
        finally
        {
            callContext.ExitWrite();
        }
    }

    internal static async Task WriteAsync<T>(HttpContextServerCallContext callContext, Marshaller<T> marshaller, T message, WriteOptions? writeOptions, bool flush, CancellationToken cancellationToken)
    {
        await callContext.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            WriteCore(callContext, marshaller, message, writeOptions);
            if (flush)
            {
                await callContext.HttpContext.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            callContext.ExitWrite();
        }
    }

    private static void WriteCore<T>(HttpContextServerCallContext callContext, Marshaller<T> marshaller, T message, WriteOptions? writeOptions)
    {
        if (!callContext.IsRunning)
        {
            throw callContext.IsDeadlineExceeded
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Can't write the message because the deadline has been exceeded."))
                : new InvalidOperationException("Can't write the message because the call is complete.");
        }

        MessageFraming.WriteMessage(callContext.HttpContext.Response.BodyWriter, message, marshaller, callContext.GetWriteSettings(writeOptions));
        callContext.ResponseMessageWritten = true;
    }
}
