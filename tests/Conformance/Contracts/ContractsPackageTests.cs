using System.IO.Compression;
using System.Xml.Linq;

namespace JourneyGrpc.Conformance.Tests.Contracts;

/// <summary>
/// The contracts are consumable as a package: JourneyGrpc.Contracts carries the generated
/// messages and clients and the .proto files, brings Grpc.Net.Client with it, and an outside
/// project with that one package reference (tests/Contracts.Consumer) talks to a live server.
/// </summary>
[Collection(ContractsConsumerCollection.Name)]
public sealed class ContractsPackageTests(ContractsConsumerRun run)
{
    [Theory]
    [InlineData("lib/net10.0/JourneyGrpc.Contracts.dll")]
    [InlineData("lib/net10.0/JourneyGrpc.Contracts.xml")]
    [InlineData("protos/journeygrpc/journey/v1/journey_service.proto")]
    [InlineData("protos/journeygrpc/journey/v1/engagement.proto")]
    [InlineData("protos/journeygrpc/campaign/v1/campaign_status_service.proto")]
    [InlineData("protos/journeygrpc/api/v1/http_options.proto")]
    [InlineData("protos/google/api/annotations.proto")]
    [InlineData("protos/google/api/http.proto")]
    public async Task Package_Packed_ContainsEntry(string entry)
    {
        using var package = ZipFile.OpenRead(await run.GetPackageAsync());
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.True(entries.Contains(entry), $"{entry} not in the package:\n{string.Join('\n', entries)}");
    }

    [Theory]
    [InlineData("Grpc.Net.Client", "2.85.0")]
    [InlineData("Google.Protobuf", "3.36.2")]
    [InlineData("Google.Api.CommonProtos", "2.17.0")]
    [InlineData("Grpc.StatusProto", "2.85.0")]
    public async Task Package_Packed_DependsOn(string id, string version)
    {
        using var package = ZipFile.OpenRead(await run.GetPackageAsync());
        var nuspecEntry = package.GetEntry(ContractsConsumerRun.PackageId + ".nuspec");
        Assert.NotNull(nuspecEntry);
        await using var nuspecStream = nuspecEntry.Open();
        var nuspec = await XDocument.LoadAsync(nuspecStream, LoadOptions.None, CancellationToken.None);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (Id: (string?)e.Attribute("id"), Version: (string?)e.Attribute("version"))).ToList();
        Assert.Contains((id, version), dependencies);
    }

    [Theory]
    [InlineData("journey_create_identifier_type")]
    [InlineData("journey_list_identifier_types")]
    [InlineData("journey_create_and_get_engagement")]
    [InlineData("journey_invalid_argument_bad_request")]
    [InlineData("campaign_report_state")]
    [InlineData("campaign_get_group_state")]
    [InlineData("campaign_watch_from_log")]
    public async Task Consumer_PackageOnlyAgainstLiveServer_Passes(string check)
    {
        var result = await run.GetConsumerAsync();
        Assert.True(result.LineFor(check) == "PASS " + check, result.ToString());
    }

    [Fact]
    public async Task Consumer_PackageOnlyAgainstLiveServer_SummaryLineAndExitCode()
    {
        var result = await run.GetConsumerAsync();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("7 passed, 0 failed", result.StandardOutput, StringComparison.Ordinal);
    }
}
