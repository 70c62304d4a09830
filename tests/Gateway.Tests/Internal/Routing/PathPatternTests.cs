using JourneyGrpc.Gateway.Internal.Routing;

namespace JourneyGrpc.Gateway.Tests.Internal.Routing;

public sealed class PathPatternTests
{
    /// <summary>Expected: null for no match, else the variables as name=value joined by '&amp;'.</summary>
    [Theory]
    [InlineData("/v1/things/{id}", "/v1/things/42", "id=42")]
    [InlineData("/v1/things/{id}", "/v1/things/a%20b", "id=a b")]
    [InlineData("/v1/things/{id}", "/v1/things/a%2Fb", "id=a/b")]
    [InlineData("/v1/things/{id}", "/v1/things/", null)]
    [InlineData("/v1/things/{id}", "/v1/things/1/2", null)]
    [InlineData("/v1/things/{id}", "/v1/Things/1", null)]
    [InlineData("/v1/a%20b", "/v1/a%20b", "")]
    [InlineData("/v1/{name=shelves/*/books/*}", "/v1/shelves/s/books/b%2Fc", "name=shelves/s/books/b%2Fc")]
    [InlineData("/v1/{name=shelves/*/books/*}", "/v1/shelves/s/books", null)]
    [InlineData("/v1/{path=**}", "/v1", "path=")]
    [InlineData("/v1/{path=**}", "/v1/a/b", "path=a/b")]
    [InlineData("/v1/files/**", "/v1/files/a//b", null)]
    [InlineData("/a/{id}:search", "/a/x:search", "id=x")]
    [InlineData("/a/{id}:search", "/a/x", null)]
    [InlineData("/a/{id}:search", "/a/x:searchx", null)]
    [InlineData("/a/{id}", "/a/x:search", "id=x:search")]
    [InlineData("/a/journeys:search", "/a/journeys:search", "")]
    [InlineData("/a/journeys", "/a/journeys:search", null)]
    [InlineData("/v1/{id}", "/v1/%zz", null)]
    public void Match_Path_Variables(string template, string path, string? expected)
    {
        var pattern = new PathPattern(HttpTemplateParser.Parse(template));

        var match = pattern.Match(path);

        Assert.Equal(expected, match is null ? null : string.Join('&', match.Values.Select(v => $"{v.Key}={v.Value}")));
    }
}
