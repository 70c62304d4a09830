using System.Globalization;
using Grpc.Core;

namespace JourneyGrpc.Contracts.Consumer;

/// <summary>
/// Runs named checks one after another, each bounded by a deadline, and prints "PASS name" or
/// "FAIL name: reason" (the line format the conformance suite's other clients print, so one test
/// reads all of them the same way), with what each call returned indented above it.
/// </summary>
internal sealed class Checks(TimeSpan callTimeout)
{
    private int _passed;
    private int _failed;

    internal bool AllPassed => _failed == 0 && _passed > 0;

    /// <summary>Runs one check; <paramref name="check"/> gets the deadline for its calls and returns what it saw.</summary>
    internal async Task RunAsync(string name, Func<DateTime, Task<string>> check)
    {
        try
        {
            var seen = await check(DateTime.UtcNow.Add(callTimeout)).ConfigureAwait(false);
            Console.WriteLine("  " + seen);
            Console.WriteLine("PASS " + name);
            _passed++;
        }
        catch (RpcException ex)
        {
            Console.WriteLine($"FAIL {name}: {ex.StatusCode} {ex.Status.Detail}");
            _failed++;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            Console.WriteLine($"FAIL {name}: {ex.Message}");
            _failed++;
        }
    }

    internal void WriteSummary() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_passed} passed, {_failed} failed"));

    /// <summary>Fails the running check with <paramref name="reason"/> unless <paramref name="condition"/> holds.</summary>
    internal static void Expect(bool condition, string reason)
    {
        if (!condition)
        {
            throw new InvalidOperationException(reason);
        }
    }
}
