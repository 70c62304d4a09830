using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using Alpha = Grpc.Reflection.V1Alpha;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>
/// Server reflection v1 and v1alpha of the real server, as grpcurl and <c>buf curl</c> use it (README "Run"):
/// the mapped services listed, and each domain service's file served with every file it imports.
/// </summary>
public sealed class GrpcReflectionTests
{
    private static readonly string[] MappedServices =
    [
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
        "journeygrpc.campaign.v1.CampaignStatusService",
        "journeygrpc.engagement.v1.EngagementService",
        "journeygrpc.journey.v1.JourneyService",
        "journeygrpc.startevent.v1.StartEventService",
    ];

    [Fact]
    public async Task ListServices_V1_DomainAndInfrastructureServices()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await ExchangeAsync(server, new ServerReflectionRequest { ListServices = "*" });

        Assert.Equal(MappedServices, response.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListServices_V1Alpha_DomainAndInfrastructureServices()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Alpha.ServerReflection.ServerReflectionClient(server.Channel);
        using var call = client.ServerReflectionInfo(Bounded());

        await call.RequestStream.WriteAsync(new Alpha.ServerReflectionRequest { ListServices = string.Empty }).Bounded();
        await call.RequestStream.CompleteAsync().Bounded();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Bounded());

        Assert.Equal(MappedServices, call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("journeygrpc.journey.v1.JourneyService")]
    [InlineData("journeygrpc.journey.v1.JourneyService.GetEngagement")]
    [InlineData("journeygrpc.campaign.v1.CampaignStatusService")]
    [InlineData("journeygrpc.campaign.v1.WatchCampaignStatusRequest")]
    [InlineData("journeygrpc.startevent.v1.StartEventService")]
    [InlineData("journeygrpc.startevent.v1.ServiceStartEvent")]
    [InlineData("journeygrpc.engagement.v1.EngagementService")]
    [InlineData("journeygrpc.engagement.v1.IxnProfile")]
    public async Task FileContainingSymbol_DomainSymbol_FileWithEveryImportBuilds(string symbol)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await ExchangeAsync(server, new ServerReflectionRequest { FileContainingSymbol = symbol });

        // A client builds descriptors from exactly these bytes: every import must be among them.
        var files = FileDescriptor.BuildFromByteStrings(DependenciesFirst(response.FileDescriptorResponse.FileDescriptorProto));
        var declared = files.SelectMany(f => f.Services.Cast<IDescriptor>().Concat(f.Services.SelectMany(s => s.Methods)).Concat(f.MessageTypes));
        Assert.Contains(symbol, declared.Select(d => d.FullName));
    }

    [Fact]
    public async Task FileContainingSymbol_UnknownSymbol_NotFoundError()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await ExchangeAsync(server, new ServerReflectionRequest { FileContainingSymbol = "nope.v1.Nothing" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    private static CallOptions Bounded() => new(deadline: DateTime.UtcNow.Add(TestTimeouts.Default));

    private static async Task<ServerReflectionResponse> ExchangeAsync(RunningServer server, ServerReflectionRequest request)
    {
        var client = new ServerReflection.ServerReflectionClient(server.Channel);
        using var call = client.ServerReflectionInfo(Bounded());
        await call.RequestStream.WriteAsync(request).Bounded();
        await call.RequestStream.CompleteAsync().Bounded();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Bounded());
        var response = call.ResponseStream.Current;
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).Bounded());
        return response;
    }

    /// <summary>The files ordered so each comes after its imports, as <see cref="FileDescriptor.BuildFromByteStrings(IEnumerable{ByteString})"/> needs.</summary>
    private static List<ByteString> DependenciesFirst(IEnumerable<ByteString> files)
    {
        var byName = files.ToDictionary(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name);
        var ordered = new List<ByteString>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in byName.Keys)
        {
            Visit(name);
        }

        return ordered;

        void Visit(string name)
        {
            if (!done.Add(name))
            {
                return;
            }

            Assert.True(byName.TryGetValue(name, out var bytes), $"reflection left out the imported file {name}");
            foreach (var dependency in FileDescriptorProto.Parser.ParseFrom(bytes).Dependency)
            {
                Visit(dependency);
            }

            ordered.Add(bytes);
        }
    }
}
