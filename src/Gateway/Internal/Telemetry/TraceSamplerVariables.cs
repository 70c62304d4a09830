using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace JourneyGrpc.Gateway.Internal.Telemetry;

/// <summary>
/// The standard <c>OTEL_TRACES_SAMPLER</c> and <c>OTEL_TRACES_SAMPLER_ARG</c>, which OpenTelemetry reads itself when
/// no sampler is set in code (<c>Telemetry:SamplingRatio</c> not set). Checked at start-up: on a value it does not
/// know, OpenTelemetry falls back to another sampler and says so only in its event source.
/// </summary>
internal static class TraceSamplerVariables
{
    /// <summary>The samplers OpenTelemetry .NET builds from <c>OTEL_TRACES_SAMPLER</c> (case does not matter).</summary>
    private static readonly string[] Samplers = ["always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio"];

    internal static bool IsSet(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.SamplerVariable]);

    /// <summary>What is wrong with the two variables, each naming its variable; empty when OpenTelemetry can use them as given.</summary>
    internal static IEnumerable<string> Check(IConfiguration configuration)
    {
        var sampler = configuration[TelemetryOptions.SamplerVariable];
        if (string.IsNullOrWhiteSpace(sampler))
        {
            yield break;
        }

        if (!Samplers.Contains(sampler, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{TelemetryOptions.SamplerVariable} '{sampler}' must be one of {string.Join(", ", Samplers)}.";
            yield break;
        }

        // Without an argument a ratio sampler records every trace (the OpenTelemetry default of 1).
        var argument = configuration[TelemetryOptions.SamplerArgumentVariable];
        if (sampler.EndsWith("traceidratio", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(argument)
            && !(double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1))
        {
            yield return $"{TelemetryOptions.SamplerArgumentVariable} '{argument}' must be a ratio between 0 and 1 for {TelemetryOptions.SamplerVariable}={sampler}.";
        }
    }
}
