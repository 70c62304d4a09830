using JourneyGrpc.Store;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting;

/// <summary>
/// The <c>backup --to FILE</c> subcommand: a checked copy of the SQLite or LiteDB store named by the same
/// configuration the server reads (appsettings.json, environment, <c>--Store:SqlitePath=…</c>,
/// <c>--Store:Provider=litedb --Store:LiteDbPath=…</c>).
/// </summary>
internal static class ServerBackup
{
    /// <summary>Returns the exit code: 0 after a checked copy, 1 with a one-line reason otherwise.</summary>
    internal static int Run(string[] configurationArgs, string destination, TextWriter output, TextWriter error)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(configurationArgs)
            .Build();
        var options = configuration.GetSection(JourneyStoreOptions.SectionName).Get<JourneyStoreOptions>() ?? new JourneyStoreOptions();
        try
        {
            if (string.Equals(options.Provider, JourneyStoreOptions.LiteDb, StringComparison.OrdinalIgnoreCase))
            {
                var copied = LiteDbBackup.Run(options, destination);
                output.WriteLine($"Backed up {Path.GetFullPath(options.LiteDbPath)} to {Path.GetFullPath(destination)} ({copied} bytes, integrity check ok).");
                return 0;
            }

            var bytes = SqliteBackup.Run(options, destination);
            output.WriteLine($"Backed up {Path.GetFullPath(options.SqlitePath)} to {Path.GetFullPath(destination)} ({bytes} bytes, integrity_check ok).");
            return 0;
        }
        catch (Exception ex) when (ex is StoreException or OptionsValidationException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine("backup failed: " + ex.Message);
            return 1;
        }
    }
}
