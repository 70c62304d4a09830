namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>
/// A request-scoped service: who resolves it records its id, and its disposal (the end of the request's
/// services scope) is recorded against the call that used it.
/// </summary>
internal sealed class RequestScopeMarker : IDisposable
{
    private CallRecord? _record;

    internal Guid Id { get; } = Guid.NewGuid();

    internal void UsedBy(CallRecord record)
    {
        _record = record;
        record.ScopeIds.Enqueue(Id);
    }

    public void Dispose()
    {
        if (_record is { } record)
        {
            record.ScopeDisposed.TrySetResult([.. record.Events]);
        }
    }
}
