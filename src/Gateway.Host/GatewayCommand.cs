using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Gateway.Host;

/// <summary>
/// The standalone gateway's command line. Named options map to configuration keys; any other
/// <c>--Section:Key=value</c> argument is passed through to .NET configuration unchanged.
/// </summary>
internal static class GatewayCommand
{
    internal static RootCommand Create(Func<string[], Task> run)
    {
        var upstream = new Option<string[]>("--upstream")
        {
            Description = "A gRPC server to forward to: http://host:port, or package.Service=http://host:port for one service. "
                + "Repeat for several (round-robin). Configuration key Gateway:Upstreams.",
            AllowMultipleArgumentsPerToken = false,
        };
        var listen = new Option<string?>("--listen")
        {
            Description = $"Where REST listens (HTTP/1.1). Configuration key {GatewayHost.ListenUrlKey}; default {GatewayHost.DefaultListenUrl}. "
                + "Only loopback addresses are accepted until bearer-token auth is configured.",
        };
        var root = new RootCommand(
            "JourneyGrpc REST gateway: the contracts' google.api.http routes as JSON over HTTP/1.1, forwarded to gRPC servers.\n"
            + "GET /openapi.json describes them. Configuration comes from appsettings.json, environment variables\n"
            + "(e.g. Gateway__Upstreams__0) and --Section:Key=value arguments (e.g. --Gateway:MaxRequestBodySize=8388608).\n"
            + "Logs go to standard output as one JSON object per line; --Logging:Console:FormatterName=simple\n"
            + "(or Logging__Console__FormatterName=simple) switches to readable text for a terminal.\n"
            + "Telemetry (off by default): --Telemetry:Prometheus=true serves GET /metrics; --Telemetry:OtlpEndpoint=http://host:4317\n"
            + "(or OTEL_EXPORTER_OTLP_ENDPOINT) exports metrics and traces over OTLP (--Telemetry:OtlpMetrics=false: traces only);\n"
            + "Telemetry:Tracing, Telemetry:SamplingRatio (default: OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG when set, else 1).")
        {
            upstream,
            listen,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parseResult, _) =>
        {
            var configurationArgs = new List<string>(parseResult.UnmatchedTokens);
            var upstreams = parseResult.GetValue(upstream) ?? [];
            for (var i = 0; i < upstreams.Length; i++)
            {
                configurationArgs.Add($"--{RestGatewayOptions.SectionName}:{nameof(RestGatewayOptions.Upstreams)}:{i}={upstreams[i]}");
            }

            if (parseResult.GetValue(listen) is { } url)
            {
                configurationArgs.Add($"--{GatewayHost.ListenUrlKey}={url}");
            }

            try
            {
                await run([.. configurationArgs]).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException || ex is IOException { InnerException: AddressInUseException })
            {
                // A bad upstream, listen URL or contract, or a port already taken (Kestrel's "Failed to bind to
                // address …: address already in use."), is an operator's problem, not a crash: one line, exit 1.
                parseResult.InvocationConfiguration.Error.WriteLine("journeygrpc-gateway: " + ex.Message);
                return 1;
            }
        });
        return root;
    }
}
