using Google.Protobuf.Reflection;
using JourneyGrpc.Rpc.Generator.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Generator.Tests;

public class CSharpNamesTests
{
    [Theory]
    [InlineData("foo_bar", "FooBar")]
    [InlineData("foo", "Foo")]
    [InlineData("fooBar", "FooBar")]
    [InlineData("FOO_BAR", "FOOBAR")]
    [InlineData("v1alpha", "V1Alpha")]
    [InlineData("naming_edge2cases", "NamingEdge2Cases")]
    [InlineData("foo-bar.baz", "FooBarBaz")]
    [InlineData("_2foo", "_2Foo")]
    [InlineData("__foo", "Foo")]
    [InlineData("", "")]
    public void UnderscoresToPascalCase_ProtocRules_Expected(string input, string expected)
    {
        Assert.Equal(expected, CSharpNames.UnderscoresToPascalCase(input));
    }

    [Theory]
    [InlineData("Foo_bar", "fooBar")]
    [InlineData("foo_bar", "fooBar")]
    [InlineData("x2y", "x2Y")]
    public void UnderscoresToCamelCase_LowerFirst_Expected(string input, string expected)
    {
        Assert.Equal(expected, CSharpNames.UnderscoresToCamelCase(input, capitalizeNext: false));
    }

    [Theory]
    [InlineData("grpc/health/v1/health.proto", "Health")]
    [InlineData("grpc/reflection/v1alpha/reflection.proto", "Reflection")]
    [InlineData("journeygrpc/bench/v1/echo.proto", "Echo")]
    [InlineData("a/b/foo_bar.proto", "FooBar")]
    [InlineData("naming_edge2cases.proto", "NamingEdge2Cases")]
    [InlineData("foo.bar.proto", "FooBar")]
    [InlineData("noextension", "Noextension")]
    public void GetFileNameBase_ProtoFileName_Expected(string fileName, string expected)
    {
        Assert.Equal(expected, CSharpNames.GetFileNameBase(fileName));
    }

    [Theory]
    [InlineData("grpc.health.v1", null, "Grpc.Health.V1")]
    [InlineData("grpc.reflection.v1alpha", null, "Grpc.Reflection.V1Alpha")]
    [InlineData("journeygrpc.bench.v1", null, "Journeygrpc.Bench.V1")]
    [InlineData("my_pkg.sub_pkg", null, "MyPkg.SubPkg")]
    [InlineData("", null, "")]
    [InlineData("journeygrpc.bench.v1", "JourneyGrpc.Bench.V1", "JourneyGrpc.Bench.V1")]
    [InlineData("journeygrpc.bench.v1", "", "")]
    public void GetFileNamespace_PackageAndOption_Expected(string package, string? csharpNamespace, string expected)
    {
        Assert.Equal(expected, CSharpNames.GetFileNamespace(Descriptors.File("x.proto", package, csharpNamespace)));
    }

    [Theory]
    [InlineData("grpc/health/v1/health.proto", "grpc.health.v1", null, "global::Grpc.Health.V1.HealthReflection")]
    [InlineData("a/foo_bar.proto", "", null, "global::FooBarReflection")]
    [InlineData("a/foo_bar.proto", "p", "My.Ns", "global::My.Ns.FooBarReflection")]
    public void GetReflectionClassName_File_Expected(string name, string package, string? csharpNamespace, string expected)
    {
        Assert.Equal(expected, CSharpNames.GetReflectionClassName(Descriptors.File(name, package, csharpNamespace)));
    }

    [Theory]
    [InlineData("Outer", "global::Demo.V1.Outer")]
    [InlineData("Outer.Inner", "global::Demo.V1.Outer.Types.Inner")]
    [InlineData("A.B.C", "global::Demo.V1.A.Types.B.Types.C")]
    public void GetMessageClassName_NestedName_UsesTypesClass(string nestedName, string expected)
    {
        Assert.Equal(expected, CSharpNames.GetMessageClassName(Descriptors.File(), nestedName));
    }

    [Theory]
    [InlineData(null, "DemoServiceRpc.cs")]
    [InlineData("", "Demo/V1/DemoServiceRpc.cs")]
    [InlineData("Demo", "V1/DemoServiceRpc.cs")]
    [InlineData("Demo.V1", "DemoServiceRpc.cs")]
    public void GetOutputFileName_BaseNamespace_Expected(string? baseNamespace, string expected)
    {
        Assert.Equal(expected, CSharpNames.GetOutputFileName(Descriptors.File(), "Rpc.cs", baseNamespace));
    }

    [Fact]
    public void GetOutputFileName_NamespaceOutsideBase_Throws()
    {
        var ex = Assert.Throws<GeneratorException>(() => CSharpNames.GetOutputFileName(Descriptors.File(), "Rpc.cs", "Other"));
        Assert.Equal("namespace Demo.V1 of demo/v1/demo_service.proto is not within base_namespace Other.", ex.Message);
    }

    [Theory]
    [InlineData("event", "@event")]
    [InlineData("class", "@class")]
    [InlineData("Event", "Event")]
    [InlineData("var", "var")]
    public void EscapeKeyword_Identifier_Expected(string identifier, string expected)
    {
        Assert.Equal(expected, CSharpNames.EscapeKeyword(identifier));
    }
}
