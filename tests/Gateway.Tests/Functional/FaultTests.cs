using System.Text.Json;
using JourneyGrpc.Gateway.TestService;
using JourneyGrpc.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>
/// A failure on the server (a handler's exception, an answer the gateway cannot write) never reaches
/// Kestrel: the route answers 500 in its own error format with a correlation id, in the body and the
/// <c>x-correlation-id</c> header alike, never the exception's text, and logs the exception once with
/// that id. A stream that already started ends with that 500 as its last object.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class FaultTests(GatewayFixture fixture)
{
    private const string GatewayCategory = "JourneyGrpc.Gateway";
    private const int RequestFaultedEvent = 8;

    public static TheoryData<FaultCase, HostingMode> Cases()
    {
        var data = new TheoryData<FaultCase, HostingMode>();
        foreach (var fault in FaultCases.All)
        {
            foreach (var mode in Enum.GetValues<HostingMode>())
            {
                data.Add(fault, mode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_FailsOnTheServer_500WithCorrelationIdLoggedOnce(FaultCase fault, HostingMode mode)
    {
        var headers = fault.EventStream ? new Dictionary<string, string> { ["Accept"] = "text/event-stream" } : null;

        var response = await fixture.Client(mode).SendAsync(fault.Method, fault.Url, fault.Body, fault.ContentType, headers);

        var header = response.Header("x-correlation-id");
        Assert.False(string.IsNullOrEmpty(header), $"no x-correlation-id: {response}");
        var correlationId = AssertFaultBody(fault, response);
        Assert.Equal(header, correlationId);
        Assert.DoesNotContain(FaultInjection.Secret, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
        AssertLoggedOnce(mode, correlationId);
        AssertNoUnhandledException();
    }

    [Theory]
    [InlineData(HostingMode.InProcess)]
    [InlineData(HostingMode.Forwarding)]
    public async Task Request_UsableRequestId_IsTheCorrelationId(HostingMode mode)
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");

        var response = await fixture.Client(mode).SendAsync("POST", "/v1/fault", """{"kind":"FAULT_KIND_THROW"}""", headers: new Dictionary<string, string> { ["x-request-id"] = requestId });

        Assert.Equal((500, requestId), (response.Status, response.Header("x-correlation-id")));
        Assert.Equal(requestId, AssertFaultBody(FaultCases.All[0], response));
        AssertLoggedOnce(mode, requestId);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("a-request-id-longer-than-one-hundred-and-twenty-eight-characters-is-not-echoed-into-a-header-a-log-line-and-a-json-body-by-the-gateway-xx")]
    public async Task Request_UnusableRequestId_OwnCorrelationId(string requestId)
    {
        var response = await fixture.Client(HostingMode.InProcess).SendAsync("POST", "/v1/fault", """{"kind":"FAULT_KIND_THROW"}""", headers: new Dictionary<string, string> { ["x-request-id"] = requestId });

        var correlationId = response.Header("x-correlation-id");
        Assert.Equal(500, response.Status);
        Assert.False(string.IsNullOrEmpty(correlationId));
        Assert.NotEqual(requestId, correlationId);
        AssertLoggedOnce(HostingMode.InProcess, correlationId!);
    }

    [Fact]
    public async Task Stream_ClientDisconnects_NoErrorAndNoErrorLog()
    {
        var requestId = "gone-" + Guid.NewGuid().ToString("N");
        var logs = fixture.Logs[HostingMode.InProcess];
        using var timeout = new CancellationTokenSource(GatewayFixture.Timeout);
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/v1/count/10000000"))
        {
            request.Headers.Add("x-request-id", requestId);
            using var response = await fixture.Client(HostingMode.InProcess).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await body.ReadExactlyAsync(new byte[64], timeout.Token);
        }

        // Disposed mid-stream: the connection is closed. ASP.NET Core's hosting logs the request's end (event 2) after the gateway returned.
        await foreach (var record in logs.GetLogsAsync(timeout.Token))
        {
            if (record.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && record.Id.Id == 2 && record.Message.Contains("/v1/count/10000000", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Error && r.Message.Contains(requestId, StringComparison.Ordinal));
        AssertNoUnhandledException();
    }

    /// <summary>Checks the status, content type and shape of the route's 500 (whole or as a stream's last object) and returns its correlation id.</summary>
    private static string AssertFaultBody(FaultCase fault, RestResponse response)
    {
        string errorJson;
        if (fault.IsErrorResponse)
        {
            var contentType = fault.Format == FaultFormat.ProblemJson ? "application/problem+json; charset=utf-8" : "application/json; charset=utf-8";
            Assert.Equal((500, contentType), (response.Status, response.ContentType));
            errorJson = response.Body;
        }
        else
        {
            Assert.Equal(200, response.Status);
            errorJson = fault.EventStream ? AssertEventStream(fault.Messages, response.Body) : AssertNdjson(fault.Messages, response.Body);
        }

        using var document = JsonDocument.Parse(errorJson);
        var error = document.RootElement;
        switch (fault.Format)
        {
            case FaultFormat.ProblemJson:
                Assert.Equal((500, "Server Error"), (error.GetProperty("status").GetInt32(), error.GetProperty("title").GetString()));
                Assert.EndsWith("#server-error", error.GetProperty("type").GetString(), StringComparison.Ordinal);
                return error.GetProperty("correlationId").GetString()!;
            case FaultFormat.HttpErrorObject:
                Assert.Equal((500, fault.Code), (error.GetProperty("http_code").GetInt32(), error.GetProperty("error_code").GetString()));
                return error.GetProperty("correlation_id").GetString()!;
            default:
                Assert.Equal(fault.Code == "UNKNOWN" ? 2 : 13, error.GetProperty("code").GetInt32());
                var info = Assert.Single(error.GetProperty("details").EnumerateArray());
                Assert.Equal("type.googleapis.com/google.rpc.RequestInfo", info.GetProperty("@type").GetString());
                var correlationId = info.GetProperty("requestId").GetString()!;
                Assert.Contains(correlationId, error.GetProperty("message").GetString(), StringComparison.Ordinal);
                return correlationId;
        }
    }

    private static string AssertNdjson(int messages, string body)
    {
        var lines = body.Split('\n');
        Assert.Equal(messages + 2, lines.Length);
        for (var i = 1; i <= messages; i++)
        {
            Assert.Equal($$"""{"n":{{i}}}""", lines[i - 1]);
        }

        Assert.Equal(string.Empty, lines[^1]);
        using var last = JsonDocument.Parse(lines[^2]);
        return last.RootElement.GetProperty("error").GetRawText();
    }

    private static string AssertEventStream(int messages, string body)
    {
        var events = body.Split("\n\n");
        Assert.Equal(messages + 2, events.Length);
        for (var i = 1; i <= messages; i++)
        {
            Assert.Equal($$"""data: {"n":{{i}}}""", events[i - 1]);
        }

        Assert.Equal(string.Empty, events[^1]);
        const string ErrorEvent = "event: error\ndata: ";
        Assert.StartsWith(ErrorEvent, events[^2], StringComparison.Ordinal);
        return events[^2][ErrorEvent.Length..];
    }

    /// <summary>One Error line names the id: the gateway's RequestFaulted event, with the exception.</summary>
    private void AssertLoggedOnce(HostingMode mode, string correlationId)
    {
        var logs = fixture.Logs[mode].GetSnapshot();
        var errors = logs.Where(r => r.Level >= LogLevel.Error && r.Message.Contains(correlationId, StringComparison.Ordinal)).ToList();
        var record = Assert.Single(errors);
        Assert.Equal((GatewayCategory, RequestFaultedEvent, "RequestFaulted"), (record.Category, record.Id.Id, record.Id.Name));
        Assert.Equal(correlationId, record.GetStructuredStateValue("CorrelationId"));
        Assert.NotNull(record.Exception);
    }

    private void AssertNoUnhandledException()
    {
        foreach (var (mode, logs) in fixture.Logs)
        {
            Assert.DoesNotContain(logs.GetSnapshot(), r => IsKestrelUnhandledException(r));
        }
    }

    /// <summary>Kestrel's "An unhandled exception was thrown by the application." (KestrelTrace.ApplicationError).</summary>
    private static bool IsKestrelUnhandledException(FakeLogRecord record) =>
        record.Category == "Microsoft.AspNetCore.Server.Kestrel" && record.Id.Id == 13;
}
