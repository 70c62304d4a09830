using JourneyGrpc.Conformance.Tests.Infrastructure;

namespace JourneyGrpc.Conformance.Tests.Reflection;

/// <summary>npm's buf curl learns every schema through server reflection alone.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class BufCurlReflectionTests(InteropRuns runs)
{
    [Theory]
    [InlineData("list_services")]
    [InlineData("list_methods")]
    [InlineData("health_check")]
    [InlineData("test_service_unary_call")]
    [InlineData("list_services_reflection_v1")]
    [InlineData("health_check_reflection_v1")]
    [InlineData("list_services_reflection_v1alpha")]
    [InlineData("health_check_reflection_v1alpha")]
    public async Task ReflectionCheck_BufCurl_Passes(string check)
    {
        var result = await runs.GetAsync("buf-curl");
        Assert.True(result.LineFor(check) == "PASS " + check, result.ToString());
    }
}
