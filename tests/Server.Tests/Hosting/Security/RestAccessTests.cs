using System.Net;
using System.Net.Http.Headers;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Tests.Hosting;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>
/// The same rules over REST through the gateway in both modes (in-process, and the standalone gateway forwarding
/// credentials to the server): 401 with <c>WWW-Authenticate</c>, 403, or the
/// service's own answer, in the route's error format (Avaya routes: application/problem+json).
/// </summary>
public sealed class RestAccessTests(SecuredServerFixture fixture) : IClassFixture<SecuredServerFixture>
{
    private const string Engagement = "/api/journey/v1/accounts/ABCDEF/engagements/dbf2aca9-b905-4ef1-a181-fa85133ae441";
    private const string Identifiers = "/api/journey/v1/accounts/ABCDEF/identifiers";

    private static readonly (string Path, string Role, CallerCase Caller, HttpStatusCode Status)[] Rows =
    [
        (Engagement, "Agent", CallerCase.NoCredentials, HttpStatusCode.Unauthorized),
        (Engagement, "Agent", CallerCase.ForeignSignature, HttpStatusCode.Unauthorized),
        (Engagement, "Agent", CallerCase.Expired, HttpStatusCode.Unauthorized),
        (Engagement, "Agent", CallerCase.WrongRole, HttpStatusCode.Forbidden),
        (Engagement, "Agent", CallerCase.OtherAccount, HttpStatusCode.Forbidden),
        (Engagement, "Agent", CallerCase.RightRole, HttpStatusCode.NotFound),
        (Identifiers, "Agent", CallerCase.RightRole, HttpStatusCode.Forbidden),
        (Identifiers, "Account Administrator", CallerCase.OtherAccount, HttpStatusCode.Forbidden),
        (Identifiers, "Account Administrator", CallerCase.RightRole, HttpStatusCode.OK),
    ];

    public static TheoryData<string, string, string, CallerCase, HttpStatusCode> Cases()
    {
        var data = new TheoryData<string, string, string, CallerCase, HttpStatusCode>();
        foreach (var mode in new[] { "in-process", "forwarding" })
        {
            foreach (var (path, role, caller, status) in Rows)
            {
                data.Add(mode, path, role, caller, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Get_Caller_ExpectedStatus(string mode, string path, string role, CallerCase caller, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = fixture.RestAddress(mode) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = caller switch
        {
            CallerCase.NoCredentials => null,
            CallerCase.ForeignSignature => new AuthenticationHeaderValue("Bearer", fixture.Credentials.ForeignToken("ABCDEF", [role])),
            CallerCase.Expired => new AuthenticationHeaderValue("Bearer", fixture.Credentials.Token("ABCDEF", [role], TimeSpan.FromMinutes(-5))),
            CallerCase.WrongRole => new AuthenticationHeaderValue("Bearer", fixture.Credentials.Token("ABCDEF", ["Nobody"])),
            CallerCase.OtherAccount => new AuthenticationHeaderValue("Bearer", fixture.Credentials.Token("OTHERS", [role])),
            _ => new AuthenticationHeaderValue("Bearer", fixture.Credentials.Token("ABCDEF", [role])),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(expected == HttpStatusCode.Unauthorized, response.Headers.WwwAuthenticate.Count > 0);
        if (caller == CallerCase.Expired)
        {
            Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The bearer token has expired.\"", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Theory]
    [InlineData("in-process")]
    [InlineData("forwarding")]
    public async Task PostOcsNotification_AppKey_RecordedForItsTenantRefusedForAnother(string mode)
    {
        using var http = new HttpClient { BaseAddress = fixture.RestAddress(mode) };
        http.DefaultRequestHeaders.Add("appkey", TestCredentials.ApiKey);

        using var own = await http.PostAsync("/ocs/campaigngroup-states", Json(Google.Protobuf.JsonFormatter.Default.Format(Notifications.Of(Notifications.Load, tenant: TestCredentials.ApiKeyAccount))));
        using var other = await http.PostAsync("/ocs/campaigngroup-states", Json(Google.Protobuf.JsonFormatter.Default.Format(Notifications.Of(Notifications.Load, tenant: "Elsewhere"))));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (own.StatusCode, other.StatusCode));
        Assert.Contains("The credentials do not give access to account 'Elsewhere'.", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
