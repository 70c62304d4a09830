using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Security;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace JourneyGrpc.Server.Tests.Fuzz;

/// <summary>
/// A bounded fuzz run against both ports of a real server: hostile REST paths, bodies and header lines, and
/// broken gRPC frames and protobuf bytes. Every input must get a clear answer (REST: below 500; gRPC: a
/// grpc-status other than UNKNOWN, INTERNAL only for a body that is not one message) within 10 s; afterwards the server
/// is still serving and its store passes SQLite's integrity check. FUZZ_SEED and FUZZ_SECONDS (default 20)
/// reproduce or lengthen a run; the seed and counts go to .artifacts/fuzz/fuzz.txt.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    /// <summary>Grpc.AspNetCore's INTERNAL answers to a request body it cannot read as one message (documented in the README).</summary>
    private static readonly string[] FramingErrors = ["Failed to deserialize message", "Incomplete message", "Additional data after the message received", "grpc-encoding"];

    [Fact]
    public async Task Fuzz_HostileInputsOnBothPorts_ClearAnswersNoCrashStoreConsistent()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Environment.TickCount;
        var budget = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 20);
        using var directory = new TempDirectory();
        var store = directory.File("fuzz.db");
        var inputs = new FuzzInputs(seed);
        var failures = new List<string>();
        var counts = new Dictionary<string, int> { ["rest"] = 0, ["grpc"] = 0, ["raw"] = 0 };
        var started = Stopwatch.StartNew();

        await using (var server = await RunningServer.StartAsync($"--Store:SqlitePath={store}", "--Server:RestUrl=http://127.0.0.1:0", "--Rpc:EnableDetailedErrors=true"))
        {
            using var rest = new HttpClient { BaseAddress = server.RestAddress, Timeout = PerInput };
            using var grpc = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.Address, Timeout = PerInput };
            var routes = await RoutesAsync(rest);
            var methods = AccessTableTests.DomainMethods().ToList();
            while (started.Elapsed < budget)
            {
                var kind = inputs.Next(10) switch { < 5 => "rest", < 9 => "grpc", _ => "raw" };
                counts[kind]++;
                var failure = kind switch
                {
                    "rest" => await RestAsync(rest, inputs, inputs.Pick(routes)),
                    "grpc" => await GrpcAsync(grpc, inputs, inputs.Pick(methods)),
                    _ => await RawAsync(server.RestAddress!, inputs),
                };
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }

            var health = await new Grpc.Health.V1.Health.HealthClient(server.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), deadline: DateTime.UtcNow.Add(PerInput));
            Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }

        var integrity = Integrity(store);
        var line = $"fuzz: seed {seed}, {counts.Values.Sum()} inputs ({counts["rest"]} REST, {counts["grpc"]} gRPC, {counts["raw"]} raw HTTP/1.1) in {started.Elapsed.TotalSeconds:F0} s: {failures.Count} failures; store integrity_check {integrity}";
        output.WriteLine(line);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("fuzz"), "fuzz.txt"), line + Environment.NewLine);
        Assert.True(failures.Count == 0, line + "\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal("ok", integrity);
    }

    /// <summary>Every (HTTP method, path template) the gateway serves, from its OpenAPI document.</summary>
    private static async Task<IReadOnlyList<(HttpMethod Method, string Template)>> RoutesAsync(HttpClient rest)
    {
        using var document = JsonDocument.Parse(await rest.GetStringAsync(new Uri("/openapi.json", UriKind.Relative)));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (new HttpMethod(operation.Name.ToUpperInvariant()), path.Name)))];
    }

    private static async Task<string?> RestAsync(HttpClient rest, FuzzInputs inputs, (HttpMethod Method, string Template) route)
    {
        var path = inputs.Path(route.Template);
        var (body, contentType) = inputs.Body();
        using var request = new HttpRequestMessage(route.Method, new Uri(path, UriKind.Relative));
        if (route.Method != HttpMethod.Get && route.Method != HttpMethod.Delete)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        try
        {
            using var response = await rest.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return (int)response.StatusCode >= 500 ? $"REST {route.Method} {path} ({contentType}, {body.Length} bytes): {(int)response.StatusCode}" : null;
        }
        catch (TaskCanceledException) when (!route.Template.EndsWith(":watch", StringComparison.Ordinal))
        {
            return $"REST {route.Method} {path}: no answer within {PerInput.TotalSeconds} s";
        }
        catch (TaskCanceledException)
        {
            // A watch with a valid tenant is a stream that may stay quiet until its first heartbeat.
            return null;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static async Task<string?> GrpcAsync(HttpClient grpc, FuzzInputs inputs, MethodDescriptor method)
    {
        var body = inputs.GrpcBody(AccessTableTests.Request(method, "ABCDEF").ToByteArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/{method.Service.FullName}/{method.Name}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } },
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        try
        {
            using var response = await grpc.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"gRPC {method.FullName} ({body.Length} bytes): HTTP {(int)response.StatusCode}";
            }

            if (!response.Headers.TryGetValues("grpc-status", out var status))
            {
                if (method.IsServerStreaming)
                {
                    return null;
                }

                await response.Content.ReadAsByteArrayAsync();
                response.TrailingHeaders.TryGetValues("grpc-status", out status);
            }

            var code = status?.FirstOrDefault();
            var message = response.Headers.TryGetValues("grpc-message", out var inHeaders) ? inHeaders.First()
                : response.TrailingHeaders.TryGetValues("grpc-message", out var inTrailers) ? inTrailers.First() : "";
            return code switch
            {
                null => $"gRPC {method.FullName} ({body.Length} bytes): no grpc-status",
                "2" => $"gRPC {method.FullName} ({body.Length} bytes): UNKNOWN {message}",
                "13" when !FramingErrors.Any(error => message.Contains(error, StringComparison.OrdinalIgnoreCase)) => $"gRPC {method.FullName} ({body.Length} bytes): INTERNAL {message}",
                _ => null,
            };
        }
        catch (TaskCanceledException)
        {
            return $"gRPC {method.FullName} ({body.Length} bytes): no answer within {PerInput.TotalSeconds} s";
        }
    }

    /// <summary>A hand-written HTTP/1.1 request with a hostile header line (CR or NUL inside, obsolete folding, huge).</summary>
    private static async Task<string?> RawAsync(Uri rest, FuzzInputs inputs)
    {
        var header = inputs.Pick(["X-Test: a\rb", "X-Test: a\0b", "X-Test: a\r\n folded", "Host: a\r\nHost: b", "X-" + new string('a', 70000) + ": 1", "Bad Header: 1", "Content-Length: -1"]);
        var text = $"GET /api/journey/v1/accounts/ABCDEF/identifiers HTTP/1.1\r\nHost: 127.0.0.1\r\n{header}\r\nConnection: close\r\n\r\n";
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(PerInput);
        try
        {
            await client.ConnectAsync(rest.Host, rest.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.Latin1.GetBytes(text), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAtLeastAsync(buffer, 12, throwOnEndOfStream: false, timeout.Token);
            var statusLine = Encoding.ASCII.GetString(buffer, 0, read);
            return statusLine.StartsWith("HTTP/1.1 5", StringComparison.Ordinal) ? $"raw header {header[..Math.Min(20, header.Length)]}: {statusLine}" : null;
        }
        catch (OperationCanceledException)
        {
            return $"raw header {header[..Math.Min(20, header.Length)]}: no answer within {PerInput.TotalSeconds} s";
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Integrity(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
