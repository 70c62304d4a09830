using System.CommandLine;

namespace JourneyGrpc.Server.Hosting;

/// <summary>
/// The command line. Named options map to configuration keys; any other <c>--Section:Key=value</c>
/// argument is passed through to .NET configuration unchanged.
/// </summary>
internal static class ServerCommand
{
    internal static RootCommand Create(Func<string[], Task> run)
    {
        var grpcUrl = new Option<string?>("--grpc-url")
        {
            Description = "Where gRPC listens (h2c for http://). Configuration key Server:GrpcUrl; default http://127.0.0.1:50051. "
                + "Only loopback addresses are accepted until bearer-token auth is configured.",
        };
        var root = new RootCommand(
            "JourneyGrpc server: customer-journey gRPC services with health checking and server reflection.\n"
            + "Configuration comes from appsettings.json, environment variables (e.g. Server__GrpcUrl) and\n"
            + "--Section:Key=value arguments (e.g. --Rpc:MaxReceiveMessageSize=8388608).")
        {
            grpcUrl,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parseResult, _) =>
        {
            var configurationArgs = new List<string>(parseResult.UnmatchedTokens);
            if (parseResult.GetValue(grpcUrl) is { } url)
            {
                configurationArgs.Add($"--{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.GrpcUrl)}={url}");
            }

            await run([.. configurationArgs]).ConfigureAwait(false);
            return 0;
        });
        return root;
    }
}
