using Google.Rpc;
using JourneyGrpc.Server.Journey.Errors;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>Collects field violations of one request; <see cref="ThrowIfAny"/> reports them all at once.</summary>
internal sealed class Violations
{
    private readonly List<BadRequest.Types.FieldViolation> _items = [];

    internal IReadOnlyList<BadRequest.Types.FieldViolation> Items => _items;

    internal void Add(string field, string description) =>
        _items.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    /// <summary>Throws INVALID_ARGUMENT with every collected violation, if there is one.</summary>
    internal void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            throw JourneyErrors.InvalidArgument(_items);
        }
    }
}
