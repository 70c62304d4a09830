using System.Diagnostics;

namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>
/// Makes a file and its folder unwritable until disposed. Root ignores permission bits, so as root the
/// file gets the immutable attribute (chattr +i), which even root cannot write through.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFile : IDisposable
{
    private readonly string _path;

    private ReadOnlyFile(string path) => _path = path;

    internal static async Task<ReadOnlyFile> MakeAsync(string path)
    {
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chattr", "+i", path);
            await RunAsync("chattr", "+i", Path.GetDirectoryName(path)!);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return new ReadOnlyFile(path);
    }

    public void Dispose()
    {
        if (Environment.IsPrivilegedProcess)
        {
            RunAsync("chattr", "-i", Path.GetDirectoryName(_path)!).GetAwaiter().GetResult();
            RunAsync("chattr", "-i", _path).GetAwaiter().GetResult();
        }
        else
        {
            File.SetUnixFileMode(Path.GetDirectoryName(_path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static async Task RunAsync(string tool, string flag, string path)
    {
        using var process = Process.Start(new ProcessStartInfo(tool) { ArgumentList = { flag, path }, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {flag} {path} failed ({process.ExitCode}): {await stderr}");
        }
    }
}
