namespace JourneyGrpc.Gateway.Internal.Backends;

/// <summary>
/// One configured upstream: <c>http://host:port</c> serves every service; <c>pkg.Service=http://host:port</c>
/// serves that service only.
/// </summary>
internal sealed record UpstreamSpec(string? Service, Uri Address)
{
    internal static UpstreamSpec Parse(string text)
    {
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        var service = separator > 0 ? text[..separator].Trim() : null;
        var url = separator > 0 ? text[(separator + 1)..].Trim() : text.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || address.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"Upstream '{text}' is not 'http(s)://host:port' or 'package.Service=http(s)://host:port'.");
        }

        return new UpstreamSpec(service, address);
    }
}
