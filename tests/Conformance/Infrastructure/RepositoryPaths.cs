namespace JourneyGrpc.Conformance.Tests.Infrastructure;

/// <summary>Where the third-party clients (and the rest of the repository) live.</summary>
internal static class RepositoryPaths
{
    internal static string ConformanceRoot { get; } = FindConformanceRoot();

    internal static string Clients => Path.Combine(ConformanceRoot, "clients");

    internal static string RepositoryRoot => Path.GetFullPath(Path.Combine(ConformanceRoot, "..", ".."));

    internal static string Results { get; } = Directory.CreateDirectory(Path.Combine(ConformanceRoot, "..", "..", ".artifacts", "conformance")).FullName;

    private static string FindConformanceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Conformance", "clients");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(directory.FullName, "tests", "Conformance");
            }
        }

        throw new DirectoryNotFoundException($"tests/Conformance/clients not found above {AppContext.BaseDirectory}.");
    }
}
