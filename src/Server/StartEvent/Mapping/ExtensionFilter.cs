using Google.Protobuf.WellKnownTypes;

namespace JourneyGrpc.Server.StartEvent.Mapping;

/// <summary>
/// The <c>extensions</c> query parameter (Query Service by ID, Query Tasks): names to return,
/// with <c>State.</c> / <c>Task.</c> prefixes for nested states and tasks and <c>*</c> for all of
/// a level. None given returns every extension, as Context Services 8.5 keeps them free-form.
/// </summary>
internal sealed class ExtensionFilter
{
    private readonly HashSet<string>? _own;
    private readonly HashSet<string>? _states;
    private readonly HashSet<string>? _tasks;

    private ExtensionFilter(HashSet<string>? own, HashSet<string>? states, HashSet<string>? tasks)
    {
        _own = own;
        _states = states;
        _tasks = tasks;
    }

    /// <summary>Reads the names; <paramref name="ownPrefix"/> is the prefix of the queried level itself (<c>Task.</c> for Query Tasks), or empty.</summary>
    internal static ExtensionFilter From(IReadOnlyCollection<string> names, string ownPrefix = "")
    {
        if (names.Count == 0)
        {
            return new ExtensionFilter(null, null, null);
        }

        HashSet<string> own = new(StringComparer.OrdinalIgnoreCase), states = new(StringComparer.OrdinalIgnoreCase), tasks = new(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (ownPrefix.Length > 0 && name.StartsWith(ownPrefix, StringComparison.OrdinalIgnoreCase))
            {
                own.Add(name[ownPrefix.Length..]);
            }
            else if (name.StartsWith("State.", StringComparison.OrdinalIgnoreCase))
            {
                states.Add(name["State.".Length..]);
            }
            else if (name.StartsWith("Task.", StringComparison.OrdinalIgnoreCase))
            {
                tasks.Add(name["Task.".Length..]);
            }
            else
            {
                own.Add(name);
            }
        }

        return new ExtensionFilter(own, states, tasks);
    }

    internal Struct? Own(Struct? extensions) => Apply(_own, extensions);

    internal Struct? States(Struct? extensions) => Apply(_states, extensions);

    internal Struct? Tasks(Struct? extensions) => Apply(_tasks, extensions);

    // Extension names are case-insensitive (Create Extension Schema).
    private static Struct? Apply(HashSet<string>? names, Struct? extensions)
    {
        if (names is null || extensions is null || names.Contains("*"))
        {
            return extensions;
        }

        var kept = new Struct();
        foreach (var (key, value) in extensions.Fields)
        {
            if (names.Contains(key))
            {
                kept.Fields[key] = value;
            }
        }

        return kept;
    }
}
