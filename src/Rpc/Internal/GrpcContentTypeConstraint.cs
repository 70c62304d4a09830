using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>Limits the catch-all unimplemented endpoints to gRPC requests, so other traffic gets 404.</summary>
internal sealed class GrpcContentTypeConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        httpContext is not null && GrpcProtocolConstants.IsGrpcContentType(httpContext.Request.ContentType);
}
