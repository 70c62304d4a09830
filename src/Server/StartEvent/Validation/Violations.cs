using Google.Rpc;
using JourneyGrpc.Server.StartEvent.Errors;

namespace JourneyGrpc.Server.StartEvent.Validation;

/// <summary>The field violations of one request; <see cref="ThrowIfAny"/> ends the call with all of them.</summary>
internal sealed class Violations
{
    private readonly List<BadRequest.Types.FieldViolation> _items = [];

    internal int Count => _items.Count;

    internal void Add(string field, string description) => _items.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    internal void ThrowIfAny(string subject)
    {
        if (_items.Count > 0)
        {
            throw StartEventErrors.InvalidArgument(subject, _items);
        }
    }
}
