using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace JourneyGrpc.Gateway;

/// <summary>
/// The console log of both hosts (src/Server and src/Gateway.Host, which share only this library):
/// one JSON object per line (Microsoft.Extensions.Logging.Console's JSON formatter: Timestamp,
/// EventId, LogLevel, Category, Message, Exception, State, Scopes) with a UTC ISO 8601 timestamp, and
/// the readable text format one setting away: <c>Logging:Console:FormatterName=simple</c>.
/// </summary>
public static class StructuredConsoleLoggingExtensions
{
    /// <summary>The configuration section of the console logger (<c>FormatterName</c>, <c>FormatterOptions</c>).</summary>
    public const string SectionName = "Logging:Console";

    /// <summary>UTC, ISO 8601 with milliseconds: <c>2026-12-05T07:16:42.407Z</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>
    /// JSON lines by default, with scopes and UTC timestamps; <c>Logging:Console:FormatterName</c> and
    /// <c>Logging:Console:FormatterOptions:*</c> in <paramref name="configuration"/> override them.
    /// </summary>
    public static ILoggingBuilder AddStructuredConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        logging.AddConsole();

        // WebApplication.CreateSlimBuilder adds the console with the simple formatter forced after the
        // configuration is bound, so Logging:Console:FormatterName alone is ignored: set the defaults,
        // then bind the section again so that configuration has the last word.
        var services = logging.Services;
        services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = ConsoleFormatterNames.Json);
        services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = TimestampFormat;
        });

        // The simple formatter writes the timestamp right before the level: the space separates them.
        services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = TimestampFormat + " ";
        });

        // Every line written inside a traced request carries its W3C trace and span ids (a "SpanId, TraceId,
        // ParentId" scope), so logs and traces join on the trace id.
        services.Configure<LoggerFactoryOptions>(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var section = configuration.GetSection(SectionName);
        services.Configure<ConsoleLoggerOptions>(section);
        services.Configure<JsonConsoleFormatterOptions>(section.GetSection("FormatterOptions"));
        services.Configure<SimpleConsoleFormatterOptions>(section.GetSection("FormatterOptions"));
        return logging;
    }
}
