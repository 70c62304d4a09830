using System.Diagnostics;
using System.Text.RegularExpressions;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Conformance.Tests.Security;

/// <summary>
/// The real server process (src/Server's build output) with authentication on and TLS on one port for gRPC and
/// REST, on a free loopback port, over a store in a temporary folder; third-party clients reach it as they would
/// a deployment. The port is read from Kestrel's "Now listening on" line.
/// </summary>
public sealed partial class SecuredTlsServer : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private Process? _process;

    internal TestCredentials Credentials { get; } = new();

    internal string CertificatePath { get; private set; } = "";

    internal int Port { get; private set; }

    public async Task InitializeAsync()
    {
        var (certificatePath, keyPath, _) = TestCertificate.Create(_directory);
        CertificatePath = certificatePath;
        var server = Path.Combine(RepositoryPaths.Root, "src", "Server", "bin", "Release", "net10.0", "JourneyGrpc.Server.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            server, "--Server:GrpcUrl=https://127.0.0.1:0", "--Server:RestUrl=",
            $"--Server:CertificatePath={certificatePath}", $"--Server:CertificateKeyPath={keyPath}",
            $"--Store:SqlitePath={_directory.File("store.db")}", .. Credentials.Settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        _ = PumpAsync(_process.StandardError);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningPort().Match(line) is { Success: true } match)
            {
                Port = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                _ = PumpAsync(_process.StandardOutput);
                return;
            }
        }

        throw new InvalidOperationException($"The server exited ({_process.ExitCode}) before listening.");
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        _directory.Dispose();
    }

    [GeneratedRegex(@"Now listening on: https://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningPort();

    private static async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }
}
