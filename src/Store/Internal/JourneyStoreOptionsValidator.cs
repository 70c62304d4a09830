using Microsoft.Extensions.Options;
using Npgsql;

namespace JourneyGrpc.Store.Internal;

/// <summary>Checks <see cref="JourneyStoreOptions"/> at start-up; every message names its configuration key.</summary>
internal sealed class JourneyStoreOptionsValidator : IValidateOptions<JourneyStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, JourneyStoreOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static void ThrowIfInvalid(JourneyStoreOptions options)
    {
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(JourneyStoreOptions), failures);
        }
    }

    internal static bool IsPostgres(JourneyStoreOptions options) =>
        string.Equals(options.Provider, JourneyStoreOptions.Postgres, StringComparison.OrdinalIgnoreCase);

    internal static bool IsLiteDb(JourneyStoreOptions options) =>
        string.Equals(options.Provider, JourneyStoreOptions.LiteDb, StringComparison.OrdinalIgnoreCase);

    /// <summary>The provider's constant (<see cref="JourneyStoreOptions.Sqlite"/>, …) whatever its case; the options are valid.</summary>
    internal static string ProviderOf(JourneyStoreOptions options) =>
        IsPostgres(options) ? JourneyStoreOptions.Postgres : IsLiteDb(options) ? JourneyStoreOptions.LiteDb : JourneyStoreOptions.Sqlite;

    internal static List<string> Check(JourneyStoreOptions options)
    {
        var failures = new List<string>();
        var isSqlite = string.Equals(options.Provider, JourneyStoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase);
        if (!isSqlite && !IsPostgres(options) && !IsLiteDb(options))
        {
            failures.Add($"{JourneyStoreOptions.Key(nameof(options.Provider))} '{options.Provider}' is not supported; use '{JourneyStoreOptions.Sqlite}', '{JourneyStoreOptions.LiteDb}' or '{JourneyStoreOptions.Postgres}'.");
        }

        if (isSqlite)
        {
            CheckFilePath(nameof(JourneyStoreOptions.SqlitePath), options.SqlitePath, "./data/journeygrpc.db", failures);
        }

        if (IsLiteDb(options))
        {
            CheckFilePath(nameof(JourneyStoreOptions.LiteDbPath), options.LiteDbPath, "./data/journeygrpc.litedb", failures);
        }

        if (IsPostgres(options))
        {
            CheckPostgres(options.PostgresConnectionString, failures);
        }

        if (options.MaxBatchesPerCommit is < 1 or > 10_000)
        {
            failures.Add($"{JourneyStoreOptions.Key(nameof(options.MaxBatchesPerCommit))} is {options.MaxBatchesPerCommit}; it must be between 1 and 10000.");
        }

        if (options.BusyTimeout < TimeSpan.FromSeconds(1) || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{JourneyStoreOptions.Key(nameof(options.BusyTimeout))} is {options.BusyTimeout}; it must be between 00:00:01 and 00:10:00.");
        }

        return failures;
    }

    private static void CheckFilePath(string property, string? path, string defaultPath, List<string> failures)
    {
        var key = JourneyStoreOptions.Key(property);
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"{key} is empty; it must name the database file (default {defaultPath}).");
            return;
        }

        try
        {
            if (Directory.Exists(Path.GetFullPath(path)))
            {
                failures.Add($"{key} '{path}' is a folder; it must name the database file inside it.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            failures.Add($"{key} '{path}' is not a valid path: {ex.Message}");
        }
    }

    private static void CheckPostgres(string? connectionString, List<string> failures)
    {
        var key = JourneyStoreOptions.Key(nameof(JourneyStoreOptions.PostgresConnectionString));
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add($"{key} is required when {JourneyStoreOptions.Key(nameof(JourneyStoreOptions.Provider))} is '{JourneyStoreOptions.Postgres}' (e.g. Host=127.0.0.1;Port=5432;Database=journeygrpc;Username=journeygrpc).");
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add($"{key} names no Host.");
            }
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{key} is not a valid connection string: {ex.Message}");
        }
    }
}
