using System.Reflection;
using JourneyGrpc.Rpc.Generator.Tests.Protos;

namespace JourneyGrpc.Rpc.Generator.Tests.Generated;

/// <summary>
/// Stubs generated at build time from this project's Protos/ folder. That they compiled is the
/// main assertion; these tests check the names and options came out as intended.
/// </summary>
public class EdgeCaseStubsTests
{
    [Fact]
    public void Methods_KeywordAndClashingNames_KeepProtoNamesOnTheWire()
    {
        Assert.Equal(
            ["event", "KeywordsBase", "KeywordsClient", "CallInvoker", "Nested"],
            Keywords.Methods.Select(method => method.Name));
        Assert.Equal("/journeygrpc.generatortests.v1.class/Ping", Assert.Single(@class.Methods).FullName);
    }

    [Theory]
    [InlineData(typeof(Keywords.KeywordsBase), "event")]
    [InlineData(typeof(Keywords.KeywordsBase), "KeywordsBase_")]
    [InlineData(typeof(Keywords.KeywordsClient), "eventAsync")]
    [InlineData(typeof(Keywords.KeywordsClient), "KeywordsClient_")]
    [InlineData(typeof(Keywords.KeywordsClient), "CallInvoker_")]
    [InlineData(typeof(Keywords.KeywordsClient), "NestedAsync")]
    public void GeneratedMember_ClashingName_HasExpectedIdentifier(Type type, string member)
    {
        Assert.NotEmpty(type.GetMember(member, BindingFlags.Public | BindingFlags.Instance));
    }

    [Fact]
    public void GeneratedMember_DeprecatedMethod_IsObsolete()
    {
        var method = typeof(Keywords.KeywordsBase).GetMethod("CallInvoker")!;

        Assert.NotNull(method.GetCustomAttribute<ObsoleteAttribute>());
    }

    [Fact]
    public void Nested_MessageTypes_ComeFromOuterTypes()
    {
        var nested = Assert.IsType<Method<Outer.Types.Inner, Outer.Types.Inner>>(Keywords.Methods[4]);

        Assert.Equal(MethodType.Unary, nested.Type);
    }

    [Fact]
    public void ClientOnlyFile_ClientAndInternalOptions_GenerateInternalClientWithoutBase()
    {
        var service = typeof(ClientOnly);

        Assert.False(service.IsPublic);
        Assert.NotNull(service.GetNestedType("ClientOnlyClient"));
        Assert.Null(service.GetNestedType("ClientOnlyBase", BindingFlags.Public | BindingFlags.NonPublic));
        Assert.Null(service.GetMethod("BindService"));
    }
}
