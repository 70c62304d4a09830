namespace JourneyGrpc.Conformance.Tests.Infrastructure;

/// <summary>What a client process printed and how it exited.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The client's line for one case or check: "PASS x" or "FAIL x: reason".</summary>
    internal string? LineFor(string name) => StandardOutput
        .Split('\n', StringSplitOptions.TrimEntries)
        .FirstOrDefault(line => line == "PASS " + name || line.StartsWith("FAIL " + name + ":", StringComparison.Ordinal));

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
