namespace JourneyGrpc.Rpc.Generator.Tests.Generated;

/// <summary>The health and reflection stubs the build generated into JourneyGrpc.Rpc.</summary>
public class RpcStubsTests
{
    [Fact]
    public void Descriptor_Health_IsGrpcHealthV1Health()
    {
        Assert.Equal("grpc.health.v1.Health", Grpc.Health.V1.Health.Descriptor.FullName);
        Assert.Equal(
            ["/grpc.health.v1.Health/Check", "/grpc.health.v1.Health/Watch"],
            Grpc.Health.V1.Health.Methods.Select(method => method.FullName));
    }

    [Fact]
    public void Methods_ReflectionV1AndV1Alpha_AreDuplexAndDistinct()
    {
        var v1 = Assert.Single(Grpc.Reflection.V1.ServerReflection.Methods);
        var v1Alpha = Assert.Single(Grpc.Reflection.V1Alpha.ServerReflection.Methods);

        Assert.Equal("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", v1.FullName);
        Assert.Equal("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", v1Alpha.FullName);
        Assert.Equal(MethodType.DuplexStreaming, v1.Type);
        Assert.Equal(MethodType.DuplexStreaming, v1Alpha.Type);
    }
}
