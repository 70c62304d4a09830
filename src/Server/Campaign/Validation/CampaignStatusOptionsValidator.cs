using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Campaign.Validation;

/// <summary>Rejects out-of-range <see cref="CampaignStatusOptions"/> at start-up, naming the configuration key.</summary>
internal sealed class CampaignStatusOptionsValidator : IValidateOptions<CampaignStatusOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignStatusOptions options)
    {
        var failures = new List<string>();
        if (options.HeartbeatInterval < TimeSpan.FromMilliseconds(100) || options.HeartbeatInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{CampaignStatusOptions.Key(nameof(options.HeartbeatInterval))} must be from 00:00:00.1 to 01:00:00 (is {options.HeartbeatInterval}).");
        }

        if (options.WatchBufferSize is < 16 or > 100_000)
        {
            failures.Add($"{CampaignStatusOptions.Key(nameof(options.WatchBufferSize))} must be from 16 to 100000 (is {options.WatchBufferSize}).");
        }

        if (options.MaxWatchLagEvents < options.WatchBufferSize)
        {
            failures.Add($"{CampaignStatusOptions.Key(nameof(options.MaxWatchLagEvents))} must be at least {CampaignStatusOptions.Key(nameof(options.WatchBufferSize))} (is {options.MaxWatchLagEvents}).");
        }

        if (options.WatchBatchInterval < TimeSpan.Zero || options.WatchBatchInterval > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{CampaignStatusOptions.Key(nameof(options.WatchBatchInterval))} must be from 00:00:00 to 00:00:01 (is {options.WatchBatchInterval}).");
        }

        if (options.ReadPageSize is < 1 or > 10_000)
        {
            failures.Add($"{CampaignStatusOptions.Key(nameof(options.ReadPageSize))} must be from 1 to 10000 (is {options.ReadPageSize}).");
        }

        if (options.MaxReportsPerWrite is < 1 or > 1000)
        {
            failures.Add($"{CampaignStatusOptions.Key(nameof(options.MaxReportsPerWrite))} must be from 1 to 1000 (is {options.MaxReportsPerWrite}).");
        }

        if (options.MaxPendingReports is < 1 or > 1_000_000)
        {
            failures.Add($"{CampaignStatusOptions.Key(nameof(options.MaxPendingReports))} must be from 1 to 1000000 (is {options.MaxPendingReports}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
