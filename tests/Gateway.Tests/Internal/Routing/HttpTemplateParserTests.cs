using JourneyGrpc.Gateway.Internal.Routing;

namespace JourneyGrpc.Gateway.Tests.Internal.Routing;

public sealed class HttpTemplateParserTests
{
    /// <summary>Segments joined by '/', variables as name[start,end), the verb.</summary>
    [Theory]
    [InlineData("/v1/things", "v1/things", "", null)]
    [InlineData("/v1/things/{id}", "v1/things/*", "id[2,3)", null)]
    [InlineData("/v1/{thing.inner.value}", "v1/*", "thing.inner.value[1,2)", null)]
    [InlineData("/v1/{name=shelves/*/books/*}", "v1/shelves/*/books/*", "name[1,5)+", null)]
    [InlineData("/v1/{path=**}", "v1/**", "path[1,2)+", null)]
    [InlineData("/v1/files/**", "v1/files/**", "", null)]
    [InlineData("/v1/*/x/**", "v1/*/x/**", "", null)]
    [InlineData("/accounts/{account_id}/journeys:search", "accounts/*/journeys", "account_id[1,2)", "search")]
    [InlineData("/e/{engagement_id}:appendIdentifiers", "e/*", "engagement_id[1,2)", "appendIdentifiers")]
    [InlineData("/v1/{path=**}:bind", "v1/**", "path[1,2)+", "bind")]
    [InlineData("/a/{x}/b/{y=c/*}", "a/*/b/c/*", "x[1,2) y[3,5)+", null)]
    [InlineData("/v1/a%20b/~x.y-z_", "v1/a%20b/~x.y-z_", "", null)]
    public void Parse_ValidTemplate_Model(string template, string segments, string variables, string? verb)
    {
        var parsed = HttpTemplateParser.Parse(template);

        Assert.Equal(segments, string.Join('/', parsed.Segments));
        Assert.Equal(variables, string.Join(' ', parsed.Variables.Select(v => $"{v.FieldPath}[{v.StartSegment},{v.EndSegment}){(v.IsMultiSegment ? "+" : "")}")));
        Assert.Equal(verb, parsed.Verb);
    }

    [Theory]
    [InlineData("", "Path template must start with '/'.")]
    [InlineData("v1/things", "Path template must start with '/'.")]
    [InlineData("/", "Path template has an empty segment.")]
    [InlineData("/v1//things", "Path template has an empty segment.")]
    [InlineData("/v1/things/", "Path template has an empty segment.")]
    [InlineData("/v1/:verb", "Path template has an empty segment.")]
    [InlineData("/v1/{id=}", "Path template has an empty segment.")]
    [InlineData("/v1/{a={b}}", "Variable can't be nested.")]
    [InlineData("/v1/{id", "Missing '}' after variable 'id'.")]
    [InlineData("/v1/{id=a/b", "Missing '}' after variable 'id'.")]
    [InlineData("/v1/id}", "Unexpected '}' at position 6.")]
    [InlineData("/v1/a?b", "Unexpected '?' at position 5.")]
    [InlineData("/v1/{}", "Variable field path '' is not a dotted list of identifiers.")]
    [InlineData("/v1/{a..b}", "Variable field path 'a..b' is not a dotted list of identifiers.")]
    [InlineData("/v1/{1a}", "Variable field path '1a' is not a dotted list of identifiers.")]
    [InlineData("/v1/{a-b}", "Variable field path 'a-b' is not a dotted list of identifiers.")]
    [InlineData("/v1/{id}/{id}", "Variable 'id' is bound more than once.")]
    [InlineData("/v1/**/x", "'**' must be the last segment.")]
    [InlineData("/v1/{p=**}/x", "'**' must be the last segment.")]
    [InlineData("/v1/*x", "'*' and '**' must fill their whole segment.")]
    [InlineData("/v1/***", "'*' and '**' must fill their whole segment.")]
    [InlineData("/v1/x:", "Verb after ':' must not be empty.")]
    [InlineData("/v1/x:a:b", "Unexpected ':' at position 7.")]
    [InlineData("/v1/x:a/b", "Unexpected '/' at position 7.")]
    public void Parse_InvalidTemplate_ExactMessage(string template, string message)
    {
        var exception = Assert.Throws<FormatException>(() => HttpTemplateParser.Parse(template));

        Assert.Equal(message, exception.Message);
    }
}
