namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>Where the repository, the crash host and the result files are.</summary>
internal static class RepositoryPaths
{
    internal static string Root { get; } = FindRoot();

    /// <summary>Copied beside the tests at build time (see the test project's CopyCrashHost target).</summary>
    internal static string CrashHostDll { get; } = Path.Combine(AppContext.BaseDirectory, "crashhost", "JourneyGrpc.Store.Tests.CrashHost.dll");

    /// <summary>Result lines that scripts/test.sh prints after the run.</summary>
    internal static string Results => Directory.CreateDirectory(Path.Combine(Root, ".artifacts", "store")).FullName;

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
