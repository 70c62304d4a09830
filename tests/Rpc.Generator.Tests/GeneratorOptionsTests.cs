namespace JourneyGrpc.Rpc.Generator.Tests;

public class GeneratorOptionsTests
{
    [Theory]
    [InlineData(null, false, false, false, null)]
    [InlineData("", false, false, false, null)]
    [InlineData("no_server", true, false, false, null)]
    [InlineData("no_client", false, true, false, null)]
    [InlineData("internal_access", false, false, true, null)]
    [InlineData("no_client, internal_access", false, true, true, null)]
    [InlineData("no_server,,no_client", true, true, false, null)]
    [InlineData("base_namespace=Demo", false, false, false, "Demo")]
    [InlineData("base_namespace=", false, false, false, "")]
    public void Parse_KnownOptions_Expected(string? parameter, bool noServer, bool noClient, bool internalAccess, string? baseNamespace)
    {
        Assert.Equal(new GeneratorOptions(noServer, noClient, internalAccess, baseNamespace), GeneratorOptions.Parse(parameter));
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("no_server=true")]
    [InlineData("base_namespace")]
    public void Parse_UnknownOption_ThrowsNamingIt(string parameter)
    {
        var ex = Assert.Throws<GeneratorException>(() => GeneratorOptions.Parse(parameter));
        Assert.Equal($"unknown option '{parameter}'; known options are no_server, no_client, internal_access and base_namespace=<namespace>.", ex.Message);
    }
}
