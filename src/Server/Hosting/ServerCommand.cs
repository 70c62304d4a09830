using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using JourneyGrpc.Store;
using Microsoft.Extensions.Options;

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
            Description = "Where gRPC listens (h2c for http://; for https://, with Server:CertificatePath, gRPC and REST share the port). "
                + "Configuration key Server:GrpcUrl; default http://127.0.0.1:50051. "
                + "Only loopback addresses are accepted until authentication (Auth:Jwt or Auth:ApiKeys) is configured.",
        };
        var restUrl = new Option<string?>("--rest-url")
        {
            Description = "Where the REST gateway listens (HTTP/1.1; the contracts' google.api.http routes, GET /openapi.json). "
                + "Configuration key Server:RestUrl; default http://127.0.0.1:8080; empty turns REST off. Loopback only, as --grpc-url.",
        };
        var root = new RootCommand(
            "JourneyGrpc server: customer-journey gRPC services with health checking and server reflection.\n"
            + "Configuration comes from appsettings.json, environment variables (e.g. Server__GrpcUrl) and\n"
            + "--Section:Key=value arguments (e.g. --Rpc:MaxReceiveMessageSize=8388608,\n"
            + "--Kestrel:Limits:Http2:MaxStreamsPerConnection=1000).\n"
            + "Logs go to standard output as one JSON object per line; --Logging:Console:FormatterName=simple\n"
            + "(or Logging__Console__FormatterName=simple) switches to readable text for a terminal.\n"
            + "Authentication: Auth:Jwt:{Issuer,Audience,SigningKeys:0,Authority,ClockSkew}, Auth:ApiKeys:<client>:{Hash,Roles:0,Accounts:0};\n"
            + "with neither, development mode (loopback only, a test token printed at start-up). TLS: Server:CertificatePath\n"
            + "(PEM with Server:CertificateKeyPath, or .pfx/.p12 with Server:CertificatePassword).\n"
            + "Telemetry (off by default): --Telemetry:Prometheus=true serves GET /metrics on the REST port;\n"
            + "--Telemetry:OtlpEndpoint=http://host:4317 (or OTEL_EXPORTER_OTLP_ENDPOINT) exports metrics and traces over OTLP;\n"
            + "--Telemetry:OtlpMetrics=false sends traces only there (e.g. with Prometheus for the metrics);\n"
            + "--Telemetry:Tracing=true records traces without OTLP; --Telemetry:SamplingRatio=0..1 (default: OTEL_TRACES_SAMPLER\n"
            + "and OTEL_TRACES_SAMPLER_ARG when set, else 1).")
        {
            grpcUrl,
            restUrl,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parseResult, _) =>
        {
            var configurationArgs = new List<string>(parseResult.UnmatchedTokens);
            if (parseResult.GetValue(grpcUrl) is { } url)
            {
                configurationArgs.Add($"--{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.GrpcUrl)}={url}");
            }

            if (parseResult.GetValue(restUrl) is { } rest)
            {
                configurationArgs.Add($"--{ServerEndpointOptions.SectionName}:{nameof(ServerEndpointOptions.RestUrl)}={rest}");
            }

            try
            {
                await run([.. configurationArgs]).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is StoreException or OptionsValidationException || ex is IOException { InnerException: AddressInUseException })
            {
                // An unusable store, a bad configuration or a port already taken (Kestrel's "Failed to bind to
                // address …: address already in use.") is an operator's problem, not a crash: one line, exit 1.
                parseResult.InvocationConfiguration.Error.WriteLine("journeygrpc: " + ex.Message);
                return 1;
            }
        });
        root.Subcommands.Add(CreateBackup());
        return root;
    }

    private static Command CreateBackup()
    {
        var to = new Option<string>("--to")
        {
            Description = "The backup file to create; it must not exist.",
            Required = true,
        };
        var backup = new Command(
            "backup",
            "Copies the store to a new file, checks the copy, and exits; the server may keep running. SQLite (Store:SqlitePath): "
            + "SQLite's online backup, then integrity_check. LiteDB (--Store:Provider=litedb, Store:LiteDbPath): the server holding the "
            + "file checkpoints and copies it, then the copy is checked. --Store:SqlitePath=FILE or --Store:LiteDbPath=FILE picks another store.")
        {
            to,
        };
        backup.TreatUnmatchedTokensAsErrors = false;
        backup.SetAction(parseResult => ServerBackup.Run(
            [.. parseResult.UnmatchedTokens],
            parseResult.GetValue(to)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return backup;
    }
}
