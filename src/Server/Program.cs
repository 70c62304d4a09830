using System.CommandLine;
using JourneyGrpc.Server.Hosting;

// SIGTERM/SIGINT are the host's (graceful stop within HostOptions.ShutdownTimeout, then exit 0):
// System.CommandLine's own handling would return 143 after 2 s, cutting the shutdown and its last log lines.
return ServerCommand.Create(args => ServerHost.Build(args).RunAsync()).Parse(args).Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
