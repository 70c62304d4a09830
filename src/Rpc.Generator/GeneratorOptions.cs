namespace JourneyGrpc.Rpc.Generator;

/// <summary>The plugin parameter, e.g. <c>--journeyrpc_opt=no_client,internal_access</c>.</summary>
internal sealed record GeneratorOptions(bool NoServer, bool NoClient, bool InternalAccess, string? BaseNamespace)
{
    public static readonly GeneratorOptions Default = new(false, false, false, null);

    /// <summary>Parses protoc's comma-separated parameter; unknown options are errors.</summary>
    public static GeneratorOptions Parse(string? parameter)
    {
        var options = Default;
        if (string.IsNullOrEmpty(parameter))
        {
            return options;
        }

        foreach (var raw in parameter.Split(','))
        {
            var option = raw.Trim();
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? option : option[..equals];
            var value = equals < 0 ? null : option[(equals + 1)..];
            options = (name, value) switch
            {
                ("", null) => options,
                ("no_server", null) => options with { NoServer = true },
                ("no_client", null) => options with { NoClient = true },
                ("internal_access", null) => options with { InternalAccess = true },
                // Same meaning as protoc's C# option: write files in folders named after the
                // namespace below this base namespace.
                ("base_namespace", not null) => options with { BaseNamespace = value },
                _ => throw new GeneratorException(
                    $"unknown option '{option}'; known options are no_server, no_client, internal_access and base_namespace=<namespace>."),
            };
        }

        return options;
    }
}
