using JourneyGrpc.Server.Hosting;

return ServerCommand.Create(args => ServerHost.Build(args).RunAsync()).Parse(args).Invoke();
