namespace JourneyGrpc.Conformance.Tests.Interop;

/// <summary>The interop cases a plain server must pass (grpc-dotnet's RunGrpcTests.ps1 set).</summary>
public static class InteropCases
{
    public static TheoryData<string> All { get; } =
    [
        "empty_unary",
        "large_unary",
        "client_streaming",
        "server_streaming",
        "ping_pong",
        "empty_stream",
        "cancel_after_begin",
        "cancel_after_first_response",
        "timeout_on_sleeping_server",
        "custom_metadata",
        "status_code_and_message",
        "special_status_message",
        "unimplemented_method",
        "unimplemented_service",
        "client_compressed_unary",
        "client_compressed_streaming",
        "server_compressed_unary",
        "server_compressed_streaming",
    ];
}
