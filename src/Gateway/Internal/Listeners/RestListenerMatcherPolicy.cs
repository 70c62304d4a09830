using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace JourneyGrpc.Gateway.Internal.Listeners;

/// <summary>
/// Keeps the REST gateway's endpoints and the others (gRPC) apart when one host listens on two
/// ports: on a REST listener only gateway endpoints are candidates, on another tagged listener
/// none are. So gRPC paths can't be reached over the REST port and vice versa.
/// </summary>
internal sealed class RestListenerMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        if (RestListener.IsRest(httpContext) is not { } rest)
        {
            return Task.CompletedTask;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && (candidates[i].Endpoint.Metadata.GetMetadata<RestGatewayEndpointMetadata>() is not null) != rest)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
