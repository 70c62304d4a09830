namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    internal TempDirectory(string prefix = "journeygrpc-store-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    internal string Path { get; }

    internal string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the folder is in temp.
        }
    }
}
