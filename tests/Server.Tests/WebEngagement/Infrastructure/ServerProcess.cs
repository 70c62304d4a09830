using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;

/// <summary>
/// The real server (src/Server's JourneyGrpc.Server.dll, copied beside these tests) as a child process, the
/// way the store's crash harness runs its crash host (tests/Store.Tests/Infrastructure/CrashHostProcess.cs):
/// started with configuration arguments on loopback ports the OS chooses, ready once Kestrel has reported
/// both listeners, killed with SIGKILL on demand.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "JourneyGrpc.Server.dll");
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServerProcess(Process process, Uri grpc, Uri rest, StringBuilder output)
    {
        _process = process;
        GrpcAddress = grpc;
        RestAddress = rest;
        _output = output;
    }

    internal Uri GrpcAddress { get; }

    internal Uri RestAddress { get; }

    internal static async Task<ServerProcess> StartAsync(params string[] arguments)
    {
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var startInfo = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[ServerDll, "--grpc-url", "http://127.0.0.1:0", "--rest-url", "http://127.0.0.1:0", .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the server.");
        var output = new StringBuilder();
        var listening = new List<Uri>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                ready.TrySetException(new InvalidOperationException("The server exited before listening."));
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
                if (Listening().Match(line) is { Success: true } match)
                {
                    // Kestrel reports the listeners in the order they were configured: gRPC, then REST.
                    listening.Add(new Uri(match.Groups[1].Value));
                    if (listening.Count == 2)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
            return new ServerProcess(process, listening[0], listening[1], output);
        }
        catch (Exception ex)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            lock (output)
            {
                throw new InvalidOperationException($"The server did not start: {ex.Message}\n{output}", ex);
            }
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

    public override string ToString()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex Listening();
}
