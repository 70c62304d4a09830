using System.Net.Http.Headers;

namespace JourneyGrpc.Gateway.Tests.Host;

/// <summary>
/// The standalone gateway (src/Gateway.Host) as its own process, forwarding to an upstream that is
/// not there: its standard output is JSON lines, and issue 18's invalid UTF-8 body is a 400
/// problem+json on the contracts' Avaya route, rejected before any call is forwarded.
/// </summary>
public sealed class GatewayHostProcessTests
{
    private const string HostAssembly = "JourneyGrpc.Gateway.Host.dll";

    [Fact]
    public async Task Run_InvalidUtf8Body_Is400ProblemAndEveryStdoutLineIsJson()
    {
        await using var gateway = HostProcess.Start(HostAssembly, ["--upstream", "http://127.0.0.1:9", "--listen", "http://127.0.0.1:0", "--Logging:LogLevel:JourneyGrpc.Gateway=Debug"]);
        await gateway.WaitForLineAsync(ConsoleLogAssert.IsStartedLine);
        var address = ConsoleLogAssert.ListeningAddresses(ConsoleLogAssert.JsonLines(gateway.Lines)).Single();
        using var client = new HttpClient { BaseAddress = address, Timeout = HostProcess.Timeout };
        using var content = new ByteArrayContent([.. "{\"id\":\""u8, 0xFF, 0xFE, 0x80, .. "\",\"startDate\":\"2026-01-01T00:00:00Z\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/journey/v1/accounts/ABCDEF/engagements", content);
        var body = await response.Content.ReadAsStringAsync();
        await gateway.WaitForLineAsync(line => line.Contains("\"Category\":\"JourneyGrpc.Gateway\"", StringComparison.Ordinal) && line.Contains("\"EventId\":4,", StringComparison.Ordinal));
        var exitCode = await gateway.StopAsync();

        Assert.Equal(
            (400, "application/problem+json; charset=utf-8", """{"type":"https://developers.avayacloud.com/avaya-experience-platform/docs/error-handling#constraint-violation","title":"Constraint Violation","status":400,"detail":"id: not valid UTF-8; request bodies must be UTF-8 text.","violations":[{"field":"id","message":"not valid UTF-8; request bodies must be UTF-8 text."}]}"""),
            ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body));
        var entries = ConsoleLogAssert.JsonLines(gateway.Lines);
        Assert.Single(entries.Events("JourneyGrpc.Gateway", 4));

        // SIGTERM is a graceful stop: logged to the end, exit code 0.
        Assert.Equal((0, 1), (exitCode, entries.Count(e => e.GetProperty("Message").GetString() == "Application is shutting down...")));
    }

    [Fact]
    public async Task Run_ListenPortTaken_OneLineOnStandardErrorAndExit1()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        await using var gateway = HostProcess.Start(HostAssembly, ["--upstream", "http://127.0.0.1:9", "--listen", $"http://127.0.0.1:{port}"]);

        var exitCode = await gateway.WaitForExitAsync();
        var error = await gateway.StandardErrorAsync();

        Assert.Equal(
            (1, $"journeygrpc-gateway: Failed to bind to address http://127.0.0.1:{port}: address already in use."),
            (exitCode, error.TrimEnd('\n')));
    }

    [Fact]
    public async Task Run_SimpleFormatterSetting_ReadableText()
    {
        await using var gateway = HostProcess.Start(HostAssembly, ["--upstream", "http://127.0.0.1:9", "--listen", "http://127.0.0.1:0", "--Logging:Console:FormatterName=simple"]);

        await gateway.WaitForLineAsync(line => line.Contains("Application started.", StringComparison.Ordinal));
        var exitCode = await gateway.StopAsync();

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(gateway.Lines, line => line.StartsWith('{'));
        Assert.Contains(gateway.Lines, line => line.EndsWith("Z info: Microsoft.Hosting.Lifetime[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_NamesTheReadableLogSetting()
    {
        var output = new StringWriter();

        await JourneyGrpc.Gateway.Host.GatewayCommand.Create(_ => Task.CompletedTask).Parse(["--help"]).InvokeAsync(new() { Output = output });

        Assert.Contains("--Logging:Console:FormatterName=simple", output.ToString(), StringComparison.Ordinal);
    }
}
