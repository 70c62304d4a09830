using Microsoft.AspNetCore.Http.Metadata;

namespace JourneyGrpc.Gateway.Internal.Telemetry;

/// <summary>
/// The <c>http.route</c> of a REST request: the matched <c>google.api.http</c> template (e.g.
/// <c>/api/journey/v1/accounts/{account_id}/engagements</c>), read by ASP.NET Core's
/// <c>http.server.request.duration</c> and by the OpenTelemetry ASP.NET Core span, instead of the catch-all
/// <c>/{**path}</c> the gateway is mapped on.
/// </summary>
internal sealed class RouteDiagnostics(string route) : IRouteDiagnosticsMetadata
{
    public string Route { get; } = route;
}
