using Google.Rpc;
using JourneyGrpc.Server.WebEngagement.Errors;

namespace JourneyGrpc.Server.WebEngagement.Validation;

/// <summary>The field violations of one request, named by their legacy JSON key.</summary>
internal sealed class Violations
{
    private readonly List<BadRequest.Types.FieldViolation> _list = [];

    internal int Count => _list.Count;

    internal void Add(string field, string description) => _list.Add(new() { Field = field, Description = description });

    /// <summary>Adds a violation unless <paramref name="value"/> is a UUID (or empty and optional).</summary>
    internal void Uuid(string field, string value, bool required)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                Add(field, "is required");
            }
        }
        else if (!Validation.Uuid.IsValid(value))
        {
            Add(field, $"must be {Validation.Uuid.Shape}, not '{Shown(value)}'");
        }
    }

    /// <summary>Adds a violation when <paramref name="value"/> is longer than <paramref name="max"/> or holds a control character.</summary>
    internal void Text(string field, string value, int max)
    {
        if (value.Length > max || value.Any(char.IsControl))
        {
            Add(field, $"must be at most {max} characters with no control characters");
        }
    }

    /// <summary>Throws INVALID_ARGUMENT listing every violation, if there is any.</summary>
    internal void ThrowIfAny(string subject)
    {
        if (_list.Count > 0)
        {
            throw EngagementErrors.InvalidArgument(subject, _list);
        }
    }

    /// <summary>A value quoted in a message: at most 64 characters.</summary>
    internal static string Shown(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");
}
