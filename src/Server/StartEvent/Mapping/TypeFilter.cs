using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace JourneyGrpc.Server.StartEvent.Mapping;

/// <summary>
/// A <c>service_types</c> / <c>task_types</c> filter: "long or string" values, each matched by its
/// text (a DB ID as its decimal digits, a name exactly). None given matches everything.
/// </summary>
internal sealed class TypeFilter(IReadOnlyCollection<string> types)
{
    private readonly HashSet<string> _types = [.. types.Select(type => type.Trim()).Where(type => type.Length > 0)];

    internal bool Matches(Value? type) => _types.Count == 0 || (type is not null && _types.Contains(Text(type)));

    private static string Text(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.NumberValue => ((long)value.NumberValue).ToString(CultureInfo.InvariantCulture),
        Value.KindOneofCase.StringValue => value.StringValue,
        _ => string.Empty,
    };
}
