using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Api.V1;
using JourneyGrpc.Server.Hosting.Security;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>Access rules are read from the protos when a service is mapped; a method nobody may be sure about stops start-up.</summary>
public sealed class MethodAccessRulesTests
{
    [Fact]
    public void Add_JourneyService_IdentifierTypesAdministratorOnlyEngagementsAgentOrAdministrator()
    {
        var rules = new MethodAccessRules();

        rules.Add(JourneyGrpc.Journey.V1.JourneyService.Descriptor);

        Assert.True(rules.TryGet("/journeygrpc.journey.v1.JourneyService/CreateIdentifierType", out var admin));
        Assert.True(rules.TryGet("/journeygrpc.journey.v1.JourneyService/GetEngagement", out var agent));
        Assert.Equal(["Account Administrator"], admin.Roles);
        Assert.Equal(["Agent", "Account Administrator"], agent.Roles);
        Assert.Equal("account_id", agent.Account?.Path);
    }

    [Fact]
    public void Add_CampaignReport_OcsOnlyAccountFromNotificationTenant()
    {
        var rules = new MethodAccessRules();

        rules.Add(JourneyGrpc.Campaign.V1.CampaignStatusService.Descriptor);

        Assert.True(rules.TryGet("/journeygrpc.campaign.v1.CampaignStatusService/ReportCampaignGroupState", out var report));
        Assert.Equal(["OCS"], report.Roles);
        Assert.Equal("notification.gsw_tenant_name", report.Account?.Path);
    }

    [Fact]
    public void Add_MethodWithoutRoles_RefusesNamingTheMethod()
    {
        var service = Service(access: null);

        var error = Assert.Throws<InvalidOperationException>(() => new MethodAccessRules().Add(service));

        Assert.Equal("x.v1.Open.Call names no roles: give it option (journeygrpc.api.v1.method_access) or its service option (journeygrpc.api.v1.service_access), so it is known who may call it.", error.Message);
    }

    [Fact]
    public void Add_AccountFieldNotInRequest_RefusesNamingTheField()
    {
        var service = Service(new Access { Roles = { "Agent" }, AccountField = "account_id" });

        var error = Assert.Throws<InvalidOperationException>(() => new MethodAccessRules().Add(service));

        Assert.Equal("x.v1.Open.Call: account_field 'account_id' names no field 'account_id' of google.protobuf.StringValue.", error.Message);
    }

    [Fact]
    public void Add_GrpcHealth_NoRuleAnyoneMayCall()
    {
        var rules = new MethodAccessRules();

        rules.Add(Grpc.Health.V1.Health.Descriptor);

        Assert.Equal(0, rules.Count);
    }

    /// <summary>A service <c>x.v1.Open</c> with one method <c>Call(StringValue)</c>, its service option set to <paramref name="access"/>.</summary>
    private static ServiceDescriptor Service(Access? access)
    {
        var options = new ServiceOptions();
        if (access is not null)
        {
            options.SetExtension(AccessOptionsExtensions.ServiceAccess, access);
        }

        var file = new FileDescriptorProto
        {
            Name = "x/v1/open.proto",
            Package = "x.v1",
            Syntax = "proto3",
            Dependency = { "google/protobuf/wrappers.proto", "journeygrpc/api/v1/access_options.proto" },
            Service =
            {
                new ServiceDescriptorProto
                {
                    Name = "Open",
                    Options = options,
                    Method = { new MethodDescriptorProto { Name = "Call", InputType = ".google.protobuf.StringValue", OutputType = ".google.protobuf.StringValue" } },
                },
            },
        };
        var built = FileDescriptor.BuildFromByteStrings(
            [
                DescriptorReflection.Descriptor.SerializedData,
                WrappersReflection.Descriptor.SerializedData,
                AccessOptionsReflection.Descriptor.SerializedData,
                file.ToByteString(),
            ],
            new ExtensionRegistry { AccessOptionsExtensions.ServiceAccess, AccessOptionsExtensions.MethodAccess });
        return built[^1].Services[0];
    }
}
