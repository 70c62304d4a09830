using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.WebEngagement.Validation;

/// <summary>Rejects out-of-range <see cref="EngagementOptions"/> at start-up, naming the configuration key.</summary>
internal sealed class EngagementOptionsValidator : IValidateOptions<EngagementOptions>
{
    public ValidateOptionsResult Validate(string? name, EngagementOptions options)
    {
        var failures = new List<string>();
        if (options.EngagementExpirationTime is < 10 or > 1800)
        {
            failures.Add($"{EngagementOptions.Key(nameof(options.EngagementExpirationTime))} must be from 10 to 1800 seconds (is {options.EngagementExpirationTime}).");
        }

        if (options.RegistrationFormExpirationTime is < 10 or > 1800)
        {
            failures.Add($"{EngagementOptions.Key(nameof(options.RegistrationFormExpirationTime))} must be from 10 to 1800 seconds (is {options.RegistrationFormExpirationTime}).");
        }

        if (!Uuid.IsValid(options.DefaultDeploymentId))
        {
            failures.Add($"{EngagementOptions.Key(nameof(options.DefaultDeploymentId))} must be a UUID (is '{options.DefaultDeploymentId}').");
        }

        if (options.PingPollIntervalMilliseconds != -1 && options.PingPollIntervalMilliseconds is < 1000 or > 600_000)
        {
            failures.Add($"{EngagementOptions.Key(nameof(options.PingPollIntervalMilliseconds))} must be -1 or from 1000 to 600000 (is {options.PingPollIntervalMilliseconds}).");
        }

        if (options.MaxWriteAttempts is < 1 or > 20)
        {
            failures.Add($"{EngagementOptions.Key(nameof(options.MaxWriteAttempts))} must be from 1 to 20 (is {options.MaxWriteAttempts}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
