using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf.Reflection;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>
/// Every REST route of every domain service × every kind of caller, through the gateway in both modes: no,
/// foreign-signed or expired credentials are 401 with a challenge; a role the method does not name, or another
/// account, is 403; the right role on the right account reaches the service (whatever it then answers).
/// </summary>
public sealed class RestAccessTableTests(SecuredServerFixture fixture) : IClassFixture<SecuredServerFixture>
{
    public static TheoryData<string, string, CallerCase> Cases()
    {
        var data = new TheoryData<string, string, CallerCase>();
        foreach (var mode in new[] { "in-process", "forwarding" })
        {
            foreach (var method in AccessTableTests.DomainMethods().Where(m => m.GetOptions()?.HasExtension(Google.Api.AnnotationsExtensions.Http) == true))
            {
                foreach (var caller in Enum.GetValues<CallerCase>())
                {
                    if (caller != CallerCase.OtherAccount || AccessTableTests.AccountPath(method) is not null)
                    {
                        data.Add(mode, method.FullName, caller);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_Caller_ExpectedStatus(string mode, string methodName, CallerCase caller)
    {
        var method = AccessTableTests.DomainMethods().Single(m => m.FullName == methodName);
        var account = method.Service.Name == "CampaignStatusService" ? Notifications.Tenant : "ABCDEF";
        var role = AccessTableTests.Roles(method)[0];
        using var http = new HttpClient { BaseAddress = fixture.RestAddress(mode), Timeout = TimeSpan.FromSeconds(30) };
        using var request = RestRouteRequest.Create(method, caller == CallerCase.OtherAccount ? "OTHERS" : account);
        request.Headers.Authorization = caller switch
        {
            CallerCase.NoCredentials => null,
            CallerCase.ForeignSignature => Bearer(fixture.Credentials.ForeignToken(account, [role])),
            CallerCase.Expired => Bearer(fixture.Credentials.Token(account, [role], TimeSpan.FromMinutes(-5))),
            CallerCase.WrongRole => Bearer(fixture.Credentials.Token(account, ["Nobody"])),
            _ => Bearer(fixture.Credentials.Token(account, [role])),
        };

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var expected = caller switch
        {
            CallerCase.NoCredentials or CallerCase.ForeignSignature or CallerCase.Expired => HttpStatusCode.Unauthorized,
            CallerCase.WrongRole or CallerCase.OtherAccount => HttpStatusCode.Forbidden,
            _ => (HttpStatusCode?)null,
        };
        var detail = $"{request.Method} {request.RequestUri}: {(int)response.StatusCode}";
        if (expected is { } refused)
        {
            Assert.True(refused == response.StatusCode, detail + " " + await response.Content.ReadAsStringAsync());
            Assert.Equal(refused == HttpStatusCode.Unauthorized, response.Headers.WwwAuthenticate.Count > 0);
        }
        else
        {
            Assert.True(response.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, detail);
        }
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
