namespace JourneyGrpc.Rpc.Internal;

/// <summary>Writes response messages under the call's write lock, so they never race the status.</summary>
internal static class ResponseWriting
{
    internal static async Task WriteAsync<T>(HttpContextServerCallContext callContext, Marshaller<T> marshaller, T message, WriteOptions? writeOptions, bool flush, CancellationToken cancellationToken)
    {
        await callContext.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!callContext.IsRunning)
            {
                throw callContext.IsDeadlineExceeded
                    ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Can't write the message because the deadline has been exceeded."))
                    : new InvalidOperationException("Can't write the message because the call is complete.");
            }

            var writer = callContext.HttpContext.Response.BodyWriter;
            MessageFraming.WriteMessage(writer, message, marshaller, callContext.GetWriteSettings(writeOptions));
            callContext.ResponseMessageWritten = true;
            if (flush)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            callContext.WriteLock.Release();
        }
    }
}
