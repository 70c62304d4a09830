namespace JourneyGrpc.Tests.Shared;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    internal string Path { get; } = Directory.CreateTempSubdirectory("journeygrpc-test-").FullName;

    internal string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A store or a child process may still be closing a file; the folder is in temp.
        }
    }
}
