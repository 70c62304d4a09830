namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>One failure on the server per route kind and error format, handler exceptions and unwritable answers alike.</summary>
public static class FaultCases
{
    private const string Json = "application/json";

    public static IReadOnlyList<FaultCase> All { get; } =
    [
        new("unary, handler throws", "POST", "/v1/fault", """{"kind":"FAULT_KIND_THROW"}""", Json, FaultFormat.RpcStatus, "UNKNOWN"),
        new("unary, answer unwritable", "POST", "/v1/fault", """{"kind":"FAULT_KIND_UNWRITABLE_RESPONSE"}""", Json, FaultFormat.RpcStatus, "INTERNAL"),
        new("JSON body, problem+json, handler throws", "POST", "/api/journey/v1/accounts/ABCDEF/engagements/E1/agent-note", """{"note":"throw"}""", Json, FaultFormat.ProblemJson, "UNKNOWN"),
        new("form body, handler throws", "POST", "/server/data/gateway/engage", "ixnProfile=%7B%22visitID%22%3A%22throw%22%7D", "application/x-www-form-urlencoded", FaultFormat.RpcStatus, "UNKNOWN"),
        new("error object, handler throws", "POST", "/genesys/1/cs/services/7/end", """{"disposition":"throw"}""", Json, FaultFormat.HttpErrorObject, "UNKNOWN"),
        new("NDJSON, throws before the first message", "GET", "/v1/fault-stream?kind=FAULT_KIND_THROW", null, null, FaultFormat.RpcStatus, "UNKNOWN", Messages: 0),
        new("NDJSON, throws after two messages", "GET", "/v1/fault-stream?kind=FAULT_KIND_THROW&messages=2", null, null, FaultFormat.RpcStatus, "UNKNOWN", Messages: 2),
        new("NDJSON, unwritable after one message", "GET", "/v1/fault-stream?kind=FAULT_KIND_UNWRITABLE_RESPONSE&messages=1", null, null, FaultFormat.RpcStatus, "INTERNAL", Messages: 1),
        new("SSE, throws before the first message", "GET", "/v1/fault-stream?kind=FAULT_KIND_THROW", null, null, FaultFormat.RpcStatus, "UNKNOWN", Messages: 0, EventStream: true),
        new("SSE, throws after two messages", "GET", "/v1/fault-stream?kind=FAULT_KIND_THROW&messages=2", null, null, FaultFormat.RpcStatus, "UNKNOWN", Messages: 2, EventStream: true),
        new("SSE, unwritable after one message", "GET", "/v1/fault-stream?kind=FAULT_KIND_UNWRITABLE_RESPONSE&messages=1", null, null, FaultFormat.RpcStatus, "INTERNAL", Messages: 1, EventStream: true),
    ];
}
