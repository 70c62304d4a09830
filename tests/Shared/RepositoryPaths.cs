namespace JourneyGrpc.Tests.Shared;

/// <summary>Where the repository, its third-party conformance clients and the test result files are.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that holds JourneyGrpc.sln, found upwards from the test binaries.</summary>
    internal static string Root { get; } = FindRoot();

    /// <summary>The conformance suite's third-party clients (python, node, curl, buf).</summary>
    internal static string ConformanceClients => Path.Combine(Root, "tests", "Conformance", "clients");

    /// <summary>The folder under .artifacts/ for one suite's result lines, which scripts/test.sh prints after the run.</summary>
    internal static string Results(string suite) => Directory.CreateDirectory(Path.Combine(Root, ".artifacts", suite)).FullName;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JourneyGrpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"JourneyGrpc.sln not found above {AppContext.BaseDirectory}.");
    }
}
