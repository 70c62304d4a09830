namespace JourneyGrpc.Rpc.Tests.Client;

/// <summary>
/// An HTTP handler that copies the request body into <see cref="BlockingWriteStream"/> and never
/// answers: each body write stays pending until the test releases it, so "a write is in progress"
/// is a state the test controls rather than a race.
/// </summary>
internal sealed class BlockingBodyHandler : HttpMessageHandler
{
    internal BlockingWriteStream Body { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await request.Content!.CopyToAsync(Body, cancellationToken);
        await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
        throw new InvalidOperationException("Unreachable.");
    }
}
