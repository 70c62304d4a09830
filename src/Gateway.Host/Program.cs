using System.CommandLine;
using JourneyGrpc.Gateway.Host;

// Standalone REST gateway: forwards to one or more gRPC servers with Grpc.Net.Client.
//   dotnet run --project src/Gateway.Host -- --upstream http://127.0.0.1:50051 [--upstream ...] [--listen http://127.0.0.1:8080]
// SIGTERM/SIGINT are the host's (graceful stop within HostOptions.ShutdownTimeout, then exit 0):
// System.CommandLine's own handling would return 143 after 2 s, cutting the shutdown and its last log lines.
return GatewayCommand.Create(args => GatewayHost.Build(args).RunAsync()).Parse(args).Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
