namespace JourneyGrpc.Server.Tests.Campaign.Infrastructure;

/// <summary>A folder deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    internal string Path { get; } = Directory.CreateTempSubdirectory("journeygrpc-campaign-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
