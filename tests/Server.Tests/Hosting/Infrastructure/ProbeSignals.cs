namespace JourneyGrpc.Server.Tests.Hosting.Infrastructure;

/// <summary>What a test and the <see cref="ProbeService"/> handlers of one host tell each other (a singleton per host).</summary>
internal sealed class ProbeSignals
{
    /// <summary>The exception text a failing handler throws; it must appear on the wire only with detailed errors on.</summary>
    internal const string Secret = "secret connection string";

    /// <summary>Set when a <c>Hold</c> call has reached its handler.</summary>
    internal TaskCompletionSource HoldStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by the test to let a <c>Hold</c> call answer.</summary>
    internal TaskCompletionSource HoldReleased { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a <c>Collect</c> call has read its first message.</summary>
    internal TaskCompletionSource FirstCollected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
