using System.Diagnostics;
using System.Text;

namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>
/// tests/Store.Tests.CrashHost as a child process (<c>dotnet crashhost/….dll</c>): started with
/// configuration arguments, ready once it prints "LISTENING url", killed with SIGKILL on demand.
/// </summary>
internal sealed class CrashHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Copied beside the tests at build time (see the test project's CopyCrashHost target).
    private static readonly string CrashHostDll = Path.Combine(AppContext.BaseDirectory, "crashhost", "JourneyGrpc.Store.Tests.CrashHost.dll");
    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private CrashHostProcess(Process process, Uri address, StringBuilder stderr)
    {
        _process = process;
        Address = address;
        _stderr = stderr;
    }

    internal Uri Address { get; }

    internal int Id => _process.Id;

    internal static async Task<CrashHostProcess> StartAsync(params string[] arguments)
    {
        if (!File.Exists(CrashHostDll))
        {
            throw new FileNotFoundException($"The crash host is not beside the tests ({CrashHostDll}); build tests/Store.Tests.");
        }

        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var startInfo = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(CrashHostDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the crash host.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    // Keep draining stdout so the child never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new CrashHostProcess(process, new Uri(line["LISTENING ".Length..]), stderr);
                }
            }

            throw new InvalidOperationException($"The crash host exited before listening:\n{Describe(stderr)}");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The crash host did not listen within {StartTimeout}:\n{Describe(stderr)}");
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    internal async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    public override string ToString() => Describe(_stderr);

    private static string Describe(StringBuilder stderr)
    {
        lock (stderr)
        {
            return stderr.ToString();
        }
    }
}
