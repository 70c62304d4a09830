using System.Text.RegularExpressions;
using JourneyGrpc.Server.StartEvent.Mapping;

namespace JourneyGrpc.Server.StartEvent.Validation;

/// <summary>Rules for the fields requests share: tenant, ids, keys, status, extension names, time filters.</summary>
internal static partial class RequestRules
{
    internal const int MaxTenantLength = 200;
    internal const int MaxKeyLength = 256;

    /// <summary>Why <paramref name="tenant"/> is not a tenant name, or null.</summary>
    internal static string? TenantProblem(string tenant) =>
        tenant.Length == 0 ? "is required"
        : tenant.Length > MaxTenantLength || tenant.Any(char.IsControl) ? $"must be at most {MaxTenantLength} characters with no control characters"
        : null;

    /// <summary>The tenant of a request: its own, or the configured default when it names none.</summary>
    internal static string Tenant(Violations violations, string requested, string defaultTenant)
    {
        if (requested.Length == 0)
        {
            return defaultTenant;
        }

        if (TenantProblem(requested) is { } problem)
        {
            violations.Add("tenant", problem);
        }

        return requested;
    }

    internal static void ServiceId(Violations violations, long serviceId)
    {
        if (serviceId <= 0)
        {
            violations.Add("service_id", "must be a positive 64-bit integer");
        }
    }

    internal static void PositiveId(Violations violations, string field, int id)
    {
        if (id <= 0)
        {
            violations.Add(field, "must be a positive 32-bit integer");
        }
    }

    /// <summary>A required lookup key (customer id, contact key): 1 to 256 characters, no control characters.</summary>
    internal static void Key(Violations violations, string field, string value, bool required)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                violations.Add(field, "is required");
            }
        }
        else if (value.Length > MaxKeyLength || value.Any(char.IsControl))
        {
            violations.Add(field, $"must be at most {MaxKeyLength} characters with no control characters");
        }
    }

    /// <summary><c>active</c>, <c>completed</c> or empty.</summary>
    internal static void Status(Violations violations, string status)
    {
        if (status is not ("" or ResourceStatus.Active or ResourceStatus.Completed))
        {
            violations.Add("status", $"must be '{ResourceStatus.Active}', '{ResourceStatus.Completed}' or empty");
        }
    }

    /// <summary>Extension names (Create Extension Schema rules): a letter, then letters, digits or <c>_</c>; at most 26 characters.</summary>
    internal static void ExtensionName(Violations violations, string name)
    {
        if (!ExtensionNamePattern().IsMatch(name))
        {
            violations.Add("extension_name", "must start with a letter, then letters, digits or '_', at most 26 characters");
        }
    }

    /// <summary>An optional time filter; returns its Unix milliseconds.</summary>
    internal static long? Time(Violations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (CsTimestamp.Parse(value) is { } time)
        {
            return time.ToUnixTimeMilliseconds();
        }

        violations.Add(field, "must be an ISO 8601 UTC date/time such as 2026-12-05T10:00:00.000Z");
        return null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,25}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionNamePattern();
}
