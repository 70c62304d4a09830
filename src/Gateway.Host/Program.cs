using JourneyGrpc.Gateway.Host;

// Standalone REST gateway: forwards to one or more gRPC servers with Grpc.Net.Client.
//   dotnet run --project src/Gateway.Host -- --upstream http://127.0.0.1:50051 [--upstream ...] [--listen http://127.0.0.1:8080]
return GatewayCommand.Create(args => GatewayHost.Build(args).RunAsync()).Parse(args).Invoke();
