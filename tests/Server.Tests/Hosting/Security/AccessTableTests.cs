using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using JourneyGrpc.Api.V1;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>
/// Every method of every domain service × every kind of caller, over gRPC: no, foreign-signed or expired
/// credentials are UNAUTHENTICATED; a role the method does not name, or another account, is PERMISSION_DENIED;
/// the right role on the right account reaches the service (whatever it then answers).
/// </summary>
public sealed class AccessTableTests(SecuredServerFixture fixture) : IClassFixture<SecuredServerFixture>
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static bytes => bytes, static bytes => bytes);

    public static TheoryData<string, CallerCase> Cases()
    {
        var data = new TheoryData<string, CallerCase>();
        foreach (var method in DomainMethods())
        {
            foreach (var caller in Enum.GetValues<CallerCase>())
            {
                if (caller != CallerCase.OtherAccount || AccountPath(method) is not null)
                {
                    data.Add(method.FullName, caller);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_Caller_ExpectedStatus(string methodName, CallerCase caller)
    {
        var method = DomainMethods().Single(m => m.FullName == methodName);
        var account = method.Service.Name == "CampaignStatusService" ? Notifications.Tenant : "ABCDEF";
        var role = Roles(method)[0];
        var headers = caller switch
        {
            CallerCase.NoCredentials => new Metadata(),
            CallerCase.ForeignSignature => Bearer(fixture.Credentials.ForeignToken(account, [role])),
            CallerCase.Expired => Bearer(fixture.Credentials.Token(account, [role], TimeSpan.FromMinutes(-5))),
            CallerCase.WrongRole => Bearer(fixture.Credentials.Token(account, ["Nobody"])),
            CallerCase.OtherAccount => Bearer(fixture.Credentials.Token("OTHERS", [role])),
            _ => Bearer(fixture.Credentials.Token(account, [role])),
        };

        var code = await CallAsync(method, Request(method, account), headers);

        var expected = caller switch
        {
            CallerCase.NoCredentials or CallerCase.ForeignSignature or CallerCase.Expired => StatusCode.Unauthenticated,
            CallerCase.WrongRole or CallerCase.OtherAccount => StatusCode.PermissionDenied,
            _ => (StatusCode?)null,
        };
        if (expected is { } refused)
        {
            Assert.Equal(refused, code);
        }
        else
        {
            Assert.NotEqual(StatusCode.Unauthenticated, code);
            Assert.NotEqual(StatusCode.PermissionDenied, code);
        }
    }

    [Fact]
    public async Task Call_AppKeyOfOcsClient_ReportsForItsTenantOnly()
    {
        var report = JourneyGrpc.Campaign.V1.CampaignStatusService.Descriptor.FindMethodByName("ReportCampaignGroupState");
        var key = new Metadata { { "appkey", TestCredentials.ApiKey } };

        var own = await CallAsync(report, Request(report, TestCredentials.ApiKeyAccount), key);
        var other = await CallAsync(report, Request(report, "Elsewhere"), key);
        var unknown = await CallAsync(report, Request(report, TestCredentials.ApiKeyAccount), new Metadata { { "appkey", "not-a-configured-key" } });

        Assert.NotEqual(StatusCode.Unauthenticated, own);
        Assert.NotEqual(StatusCode.PermissionDenied, own);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.Unauthenticated), (other, unknown));
    }

    [Fact]
    public async Task Call_ExpiredToken_UnauthenticatedSaysWhyWithChallenge()
    {
        var method = JourneyGrpc.Journey.V1.JourneyService.Descriptor.FindMethodByName("GetEngagement");
        var headers = Bearer(fixture.Credentials.Token("ABCDEF", ["Agent"], TimeSpan.FromMinutes(-5)));
        using var call = fixture.Server.Channel.CreateCallInvoker().AsyncUnaryCall(Unary(method), null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)), Request(method, "ABCDEF").ToByteArray());

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, "The bearer token has expired."), (error.StatusCode, error.Status.Detail));
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The bearer token has expired.\"", (await call.ResponseHeadersAsync).GetValue("www-authenticate"));
    }

    [Fact]
    public async Task Call_HealthWithoutCredentials_Serving()
    {
        var client = new Grpc.Health.V1.Health.HealthClient(fixture.Server.Channel);

        var response = await client.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    internal static IEnumerable<MethodDescriptor> DomainMethods() =>
        JourneyGrpc.Journey.V1.JourneyService.Descriptor.Methods
            .Concat(JourneyGrpc.Campaign.V1.CampaignStatusService.Descriptor.Methods)
            .Concat(JourneyGrpc.StartEvent.V1.StartEventService.Descriptor.Methods)
            .Concat(JourneyGrpc.WebEngagement.V1.EngagementService.Descriptor.Methods);

    internal static IReadOnlyList<string> Roles(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AccessOptionsExtensions.MethodAccess) is { Roles.Count: > 0 } own
            ? own.Roles
            : method.Service.GetOptions().GetExtension(AccessOptionsExtensions.ServiceAccess).Roles;

    internal static string? AccountPath(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AccessOptionsExtensions.MethodAccess) is { AccountField.Length: > 0 } own
            ? own.AccountField
            : method.Service.GetOptions()?.GetExtension(AccessOptionsExtensions.ServiceAccess)?.AccountField is { Length: > 0 } inherited ? inherited : null;

    /// <summary>An empty request of <paramref name="method"/> with its account field set.</summary>
    internal static IMessage Request(MethodDescriptor method, string account)
    {
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        if (AccountPath(method) is { } path)
        {
            IMessage message = request;
            var names = path.Split('.');
            for (var i = 0; i < names.Length - 1; i++)
            {
                var field = message.Descriptor.FindFieldByName(names[i]);
                var child = (IMessage?)field.Accessor.GetValue(message) ?? (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                field.Accessor.SetValue(message, child);
                message = child;
            }

            message.Descriptor.FindFieldByName(names[^1]).Accessor.SetValue(message, account);
        }

        return request;
    }

    private async Task<StatusCode> CallAsync(MethodDescriptor method, IMessage request, Metadata headers)
    {
        var invoker = fixture.Server.Channel.CreateCallInvoker();
        var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(30));
        try
        {
            if (method.IsServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(new Method<byte[], byte[]>(MethodType.ServerStreaming, method.Service.FullName, method.Name, Bytes, Bytes), null, options, request.ToByteArray());
                await stream.ResponseStream.MoveNext(CancellationToken.None);
                return StatusCode.OK;
            }

            await invoker.AsyncUnaryCall(Unary(method), null, options, request.ToByteArray());
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static Method<byte[], byte[]> Unary(MethodDescriptor method) => new(MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
