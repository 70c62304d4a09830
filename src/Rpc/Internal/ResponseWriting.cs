namespace JourneyGrpc.Rpc.Internal;

/// <summary>Writes response messages under the call's write lock, so they never race the status.</summary>
internal static class ResponseWriting
{
    /// <summary>The first size of a call's buffer for messages written with <see cref="WriteFlags.BufferHint"/>.</summary>
    internal const int BufferedMessagesInitialSize = 4096;

    /// <summary>Buffered messages go to the response body once they reach this many bytes, flush or not.</summary>
    internal const int BufferedMessagesMaxSize = 16 * 1024;

    /// <summary>Writes one message without flushing, if the write section is free at once (the unary fast path).</summary>
    internal static bool TryWrite<T>(HttpContextServerCallContext callContext, Marshaller<T> marshaller, T message)
    {
        if (!callContext.TryEnterWrite())
        {
            return false;
        }

        try
        {
            WriteCore(callContext, marshaller, message, null, buffered: false);
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
            WriteCore(callContext, marshaller, message, writeOptions, buffered: !flush);
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

    // A buffered message (BufferHint) waits in the call's buffer (see BufferedMessages); any other goes
    // to the response body at once, behind the buffered ones if some wait.
    private static void WriteCore<T>(HttpContextServerCallContext callContext, Marshaller<T> marshaller, T message, WriteOptions? writeOptions, bool buffered)
    {
        if (!callContext.IsRunning)
        {
            throw callContext.IsDeadlineExceeded
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Can't write the message because the deadline has been exceeded."))
                : new InvalidOperationException("Can't write the message because the call is complete.");
        }

        var settings = callContext.GetWriteSettings(writeOptions);
        if (!buffered && !callContext.HasBufferedMessages)
        {
            MessageFraming.WriteMessage(callContext.HttpContext.Response.BodyWriter, message, marshaller, settings);
        }
        else
        {
            var pending = callContext.BufferedMessages;
            MessageFraming.WriteMessage(pending, message, marshaller, settings);
            if (!buffered || pending.WrittenCount >= BufferedMessagesMaxSize)
            {
                callContext.WriteBufferedMessages();
            }
        }

        callContext.ResponseMessageWritten = true;
    }
}
