using System.Globalization;
using System.Reflection;
using System.Security;
using JourneyGrpc.Conformance.Tests.Infrastructure;

namespace JourneyGrpc.Conformance.Tests.Contracts;

/// <summary>
/// src/Contracts packed into a temporary feed, and tests/Contracts.Consumer copied beside it, restored
/// and built against that feed and the machine's NuGet global packages folder only (no network, no
/// repository props, its own obj/bin and packages folder, so a package of an earlier run cached
/// under the same version is never used), then run against the domain server. Started on first use;
/// the consumer's output (or the build's, if it did not build) is kept in
/// .artifacts/conformance/contracts-consumer.txt.
/// </summary>
public sealed class ContractsConsumerRun : IAsyncLifetime
{
    internal const string PackageId = "JourneyGrpc.Contracts";
    internal const string PackageVersion = "1.0.0";
    internal const string Account = "ABCDEF";
    private const string ConsumerProject = "JourneyGrpc.Contracts.Consumer";
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly DomainConformanceServer _server = new();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("journeygrpc-contracts-");
    private readonly Lazy<Task<string>> _package;
    private readonly Lazy<Task<ProcessResult>> _consumer;

    public ContractsConsumerRun()
    {
        _package = new(PackAsync);
        _consumer = new(BuildAndRunConsumerAsync);
    }

    public Task InitializeAsync() => _server.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Delete(recursive: true);
    }

    /// <summary>The packed .nupkg.</summary>
    internal Task<string> GetPackageAsync() => _package.Value;

    /// <summary>The consumer's run, or the build's output if it did not build.</summary>
    internal Task<ProcessResult> GetConsumerAsync() => _consumer.Value;

    /// <summary>The configuration this assembly was built in, so the pack finds the matching build of src/Contracts.</summary>
    private static string Configuration { get; } =
        typeof(ContractsConsumerRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private string Feed => Path.Combine(_work.FullName, "feed");

    /// <summary>
    /// Packs what the build of this configuration already produced (as scripts/test.sh builds the
    /// solution before testing), so the test does not race a concurrent build over src/Contracts/obj;
    /// the nuspec goes to the temporary folder too.
    /// </summary>
    private async Task<string> PackAsync()
    {
        var project = Path.Combine(RepositoryPaths.Root, "src", "Contracts", "JourneyGrpc.Contracts.csproj");
        var result = await DotnetAsync(
            ["pack", project, "-c", Configuration, "--no-build", "--disable-build-servers", "-nologo", "-o", Feed, "-p:NuspecOutputPath=" + Path.Combine(_work.FullName, "nuspec") + Path.DirectorySeparatorChar],
            RepositoryPaths.Root,
            PackTimeout);
        var package = Path.Combine(Feed, $"{PackageId}.{PackageVersion}.nupkg");
        return result.ExitCode == 0 && File.Exists(package)
            ? package
            : throw new InvalidOperationException($"dotnet pack src/Contracts did not produce {package}:\n{result}");
    }

    private async Task<ProcessResult> BuildAndRunConsumerAsync()
    {
        await GetPackageAsync();
        var consumer = Path.Combine(_work.FullName, "consumer");
        CopyProject(Path.Combine(RepositoryPaths.Root, "tests", "Contracts.Consumer"), consumer);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), NuGetConfig(Feed, await GlobalPackagesFolderAsync(), Path.Combine(_work.FullName, "packages")));

        // No build servers (here and for the pack): an MSBuild node or compiler server left running
        // would outlive the test and hold the output pipes open.
        var build = await DotnetAsync(["build", Path.Combine(consumer, ConsumerProject + ".csproj"), "-c", "Release", "-nologo", "--disable-build-servers"], consumer, BuildTimeout);
        if (build.ExitCode != 0)
        {
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("conformance"), "contracts-consumer.txt"), "FAIL build\n" + build.StandardOutput + build.StandardError);
            return build;
        }

        var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_server.GrpcPort}");
        var run = await DotnetAsync([Path.Combine(consumer, "bin", "Release", "net10.0", ConsumerProject + ".dll"), address, Account], consumer, RunTimeout);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("conformance"), "contracts-consumer.txt"), run.StandardOutput + run.StandardError);
        return run;
    }

    /// <summary>The machine's NuGet global packages folder: every package the repository restored, in a layout NuGet reads as a local feed.</summary>
    private static async Task<string> GlobalPackagesFolderAsync()
    {
        var result = await DotnetAsync(["nuget", "locals", "global-packages", "--list"], RepositoryPaths.Root, PackTimeout);
        const string Prefix = "global-packages:";
        var line = result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return result.ExitCode == 0 && line is not null
            ? line[Prefix.Length..].Trim()
            : throw new InvalidOperationException($"dotnet nuget locals global-packages --list gave no folder:\n{result}");
    }

    private static string NuGetConfig(string feed, string globalPackages, string packagesFolder) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{SecurityElement.Escape(packagesFolder)}" />
          </config>
          <packageSources>
            <clear />
            <add key="contracts" value="{SecurityElement.Escape(feed)}" />
            <add key="global-packages" value="{SecurityElement.Escape(globalPackages)}" />
          </packageSources>
          <fallbackPackageFolders>
            <clear />
          </fallbackPackageFolders>
        </configuration>
        """;

    /// <summary>The project's sources and props, without any bin/obj of an in-place build.</summary>
    private static void CopyProject(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyProject(directory, Path.Combine(destination, name));
            }
        }
    }

    private static Task<ProcessResult> DotnetAsync(string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        // The dotnet running the tests, so the SDK and runtime are the ones the repository built with.
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return ExternalProcess.RunAsync(dotnet, arguments, workingDirectory, timeout);
    }
}
