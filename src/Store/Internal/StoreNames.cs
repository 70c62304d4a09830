namespace JourneyGrpc.Store.Internal;

/// <summary>
/// Argument rules for tenants, collections, logs, index names, ids and keys. Names carry no control
/// characters because the PostgreSQL event notification separates them with U+001F. Ids and keys
/// carry no NUL (U+0000), which PostgreSQL text cannot hold: refused here, on every provider, a NUL
/// would otherwise fail every write of its group commit on PostgreSQL and store fine on SQLite.
/// </summary>
internal static class StoreNames
{
    internal const int MaxNameLength = 200;
    internal const int MaxIdLength = 256;
    internal const int MaxKeyLength = 1024;
    internal const char Separator = '\u001f';

    internal static void Validate(string? name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new ArgumentException($"'{name}' must be at most {MaxNameLength} characters with no control characters.", parameter);
        }
    }

    internal static void ValidateId(string? id, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, parameter);
        if (id.Length > MaxIdLength || id.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"An id must be at most {MaxIdLength} characters with no NUL (U+0000).", parameter);
        }
    }

    internal static void ValidateKey(string? key, string parameter)
    {
        ArgumentNullException.ThrowIfNull(key, parameter);
        if (key.Length > MaxKeyLength || key.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"An index key must be at most {MaxKeyLength} characters with no NUL (U+0000).", parameter);
        }
    }
}
