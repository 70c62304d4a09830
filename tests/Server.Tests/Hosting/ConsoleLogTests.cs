using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// The server's standard output, read from a real server process (README: "Logs are structured JSON
/// on standard output"): every line one JSON object, and readable text one setting away.
/// </summary>
public sealed partial class ConsoleLogTests
{
    private const string ServerAssembly = "JourneyGrpc.Server.dll";

    [Fact]
    public async Task Run_DefaultSettings_EveryStdoutLineIsJsonLogEntry()
    {
        using var directory = new TempDirectory();
        await using var server = HostProcess.Start(ServerAssembly, Arguments(directory, "--Logging:LogLevel:JourneyGrpc.Gateway=Debug"));
        await server.WaitForLineAsync(ConsoleLogAssert.IsStartedLine);
        var rest = ConsoleLogAssert.ListeningAddresses(ConsoleLogAssert.JsonLines(server.Lines))[1];

        // A rejected REST request: the gateway logs it (event 4) inside the request's scope.
        using (var client = new HttpClient { BaseAddress = rest, Timeout = HostProcess.Timeout })
        using (var content = new ByteArrayContent([.. "{\"id\":\""u8, 0xFF, .. "\"}"u8]))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/journey/v1/accounts/ABCDEF/engagements", content);
            Assert.Equal(400, (int)response.StatusCode);
        }

        await server.WaitForLineAsync(line => line.Contains("\"Category\":\"JourneyGrpc.Gateway\"", StringComparison.Ordinal) && line.Contains("\"EventId\":4,", StringComparison.Ordinal));
        var exitCode = await server.StopAsync();

        // Every line, up to the last one written while the host stopped.
        var entries = ConsoleLogAssert.JsonLines(server.Lines);
        var rejected = entries.Events("JourneyGrpc.Gateway", 4).Single();
        Assert.Equal(
            (0, "Debug", "/api/journey/v1/accounts/ABCDEF/engagements", 1),
            (exitCode,
             rejected.GetProperty("LogLevel").GetString(),
             rejected.GetProperty("Scopes").EnumerateArray().Select(s => s.TryGetProperty("RequestPath", out var path) ? path.GetString() : null).Single(p => p is not null),
             entries.Count(e => e.GetProperty("Message").GetString() == "Application is shutting down...")));
    }

    [Fact]
    public async Task Run_StartUpFailure_LoggedAsJsonWithException()
    {
        using var directory = new TempDirectory();
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        await using var server = HostProcess.Start(ServerAssembly, Arguments(directory, $"--Server:RestUrl=http://127.0.0.1:{port}"));

        var exitCode = await server.WaitForExitAsync();

        var failure = ConsoleLogAssert.JsonLines(server.Lines).Single(e => e.GetProperty("LogLevel").GetString() == "Error");
        Assert.Contains("address already in use", failure.GetProperty("Exception").GetString(), StringComparison.Ordinal);

        // The operator reads one line naming the address on standard error, not an unhandled exception's stack trace.
        var error = await server.StandardErrorAsync();
        Assert.Equal(1, exitCode);
        Assert.Equal($"journeygrpc: Failed to bind to address http://127.0.0.1:{port}: address already in use.", error.TrimEnd('\n'));
    }

    [Fact]
    public async Task Run_SimpleFormatterSetting_ReadableTextWithSeparatedTimestamp()
    {
        using var directory = new TempDirectory();
        await using var server = HostProcess.Start(ServerAssembly, Arguments(directory, "--Logging:Console:FormatterName=simple"));

        await server.WaitForLineAsync(line => line.Contains("Application started.", StringComparison.Ordinal));
        var exitCode = await server.StopAsync();

        var lines = server.Lines;
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(lines, line => line.StartsWith('{'));
        Assert.Contains(lines, line => SimpleHeader().IsMatch(line));
        Assert.Contains("      Application is shutting down...", lines);
    }

    [Fact]
    public async Task Help_NamesTheReadableLogSetting()
    {
        var output = new StringWriter();

        await JourneyGrpc.Server.Hosting.ServerCommand.Create(_ => Task.CompletedTask).Parse(["--help"]).InvokeAsync(new() { Output = output });

        Assert.Contains("--Logging:Console:FormatterName=simple", output.ToString(), StringComparison.Ordinal);
    }

    private static string[] Arguments(TempDirectory directory, params string[] settings) =>
    [
        "--Server:GrpcUrl=http://127.0.0.1:0",
        "--Server:RestUrl=http://127.0.0.1:0",
        $"--Store:SqlitePath={directory.File("store.db")}",
        .. settings,
    ];

    // "2026-12-05T07:16:42.407Z info: Microsoft.Hosting.Lifetime[14]": the timestamp, a space, the level.
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: Microsoft\.Hosting\.Lifetime\[\d+\]$")]
    private static partial Regex SimpleHeader();
}
