using System.Diagnostics;
using System.Threading.Channels;

namespace JourneyGrpc.Tests.Shared;

/// <summary>
/// A host (src/Server, src/Gateway.Host) run as its own process from the test's output folder,
/// as an operator runs it: <c>dotnet &lt;assembly&gt;.dll args…</c>, standard output captured line by
/// line. Waiting is on the output itself (a line that says the host started), bounded in time;
/// stopping is SIGTERM, as a service manager stops it.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Channel<string> _unread = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    private HostProcess(Process process)
    {
        _process = process;
        _stdout = PumpAsync(process.StandardOutput);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Every line written to standard output so far.</summary>
    internal IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <param name="assembly">The host's assembly in the test output folder, e.g. <c>JourneyGrpc.Server.dll</c>.</param>
    internal static HostProcess Start(string assembly, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new HostProcess(Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start dotnet {assembly}."));
    }

    /// <summary>The next output line matching <paramref name="match"/>; fails when the process ends first or after <see cref="Timeout"/>.</summary>
    internal async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await foreach (var line in _unread.Reader.ReadAllAsync(cts.Token))
            {
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching output line within {Timeout}:\n{string.Join('\n', Lines)}");
        }

        throw new InvalidOperationException($"The process exited (code {_process.ExitCode}) without a matching output line:\n{string.Join('\n', Lines)}\n{await _stderr}");
    }

    /// <summary>Sends SIGTERM and waits for the process to exit and its output to end; returns the exit code.</summary>
    internal async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                ?? throw new InvalidOperationException("Could not run kill.");
            await kill.WaitForExitAsync().WaitAsync(Timeout);
        }

        await _process.WaitForExitAsync().WaitAsync(Timeout);
        await _stdout.WaitAsync(Timeout);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, no shutdown code runs; waits for it to be gone.</summary>
    internal async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(Timeout);
    }

    /// <summary>Waits for a process that stops by itself (a failed start-up); returns the exit code.</summary>
    internal async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Timeout);
        await _stdout.WaitAsync(Timeout);
        return _process.ExitCode;
    }

    internal Task<string> StandardErrorAsync() => _stderr.WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(Timeout);
        }

        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }

            _unread.Writer.TryWrite(line);
        }

        _unread.Writer.TryComplete();
    }
}
