using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.StartEvent.Validation;

/// <summary>Checks <see cref="StartEventOptions"/> at start-up, naming the bad key.</summary>
internal sealed class StartEventOptionsValidator : IValidateOptions<StartEventOptions>
{
    public ValidateOptionsResult Validate(string? name, StartEventOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (RequestRules.TenantProblem(options.DefaultTenant) is { } problem)
        {
            failures.Add($"{StartEventOptions.SectionName}:{nameof(options.DefaultTenant)} '{options.DefaultTenant}' {problem}.");
        }

        if (options.IdBlockSize is < 1 or > 100_000)
        {
            failures.Add($"{StartEventOptions.SectionName}:{nameof(options.IdBlockSize)} {options.IdBlockSize} must be from 1 to 100000.");
        }

        if (options.MaxWriteAttempts is < 1 or > 100)
        {
            failures.Add($"{StartEventOptions.SectionName}:{nameof(options.MaxWriteAttempts)} {options.MaxWriteAttempts} must be from 1 to 100.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
