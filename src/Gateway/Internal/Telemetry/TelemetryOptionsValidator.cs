using Microsoft.Extensions.Options;

namespace JourneyGrpc.Gateway.Internal.Telemetry;

/// <summary>Checks the <c>Telemetry</c> section; every failure names its key.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.OtlpEndpoint) && !IsHttpUrl(options.OtlpEndpoint))
        {
            failures.Add($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpEndpoint)} '{options.OtlpEndpoint}' must be an absolute http:// or https:// URL, e.g. http://127.0.0.1:4317.");
        }

        if (options.SamplingRatio is { } ratio && ratio is not (>= 0 and <= 1))
        {
            failures.Add($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.SamplingRatio)} must be between 0 and 1, not {options.SamplingRatio}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
