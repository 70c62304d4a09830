using System.Net;

namespace JourneyGrpc.Server.Hosting;

/// <summary>A validated listen address parsed from a configured URL.</summary>
internal sealed record ListenEndpoint(IPAddress Address, int Port, bool UseTls)
{
    internal bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Parses <paramref name="url"/>, naming <paramref name="key"/> in every error.</summary>
    internal static ListenEndpoint Parse(string key, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{key} '{url}' is not an http:// or https:// URL.");
        }

        if (uri.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"{key} '{url}' must not have a path.");
        }

        IPAddress address;
        if (uri.Host == "localhost")
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.IdnHost, out address!))
        {
            throw new InvalidOperationException($"{key} '{url}' must name an IP address or localhost.");
        }

        return new ListenEndpoint(address, uri.Port, uri.Scheme == "https");
    }
}
