using JourneyGrpc.Gateway.Internal.Errors;
using Grpc.Core;

namespace JourneyGrpc.Gateway.Tests.Internal.Errors;

public sealed class HttpStatusTableTests
{
    [Theory]
    [InlineData(StatusCode.OK, 200)]
    [InlineData(StatusCode.Cancelled, 499)]
    [InlineData(StatusCode.Unknown, 500)]
    [InlineData(StatusCode.InvalidArgument, 400)]
    [InlineData(StatusCode.DeadlineExceeded, 504)]
    [InlineData(StatusCode.NotFound, 404)]
    [InlineData(StatusCode.AlreadyExists, 409)]
    [InlineData(StatusCode.PermissionDenied, 403)]
    [InlineData(StatusCode.ResourceExhausted, 429)]
    [InlineData(StatusCode.FailedPrecondition, 400)]
    [InlineData(StatusCode.Aborted, 409)]
    [InlineData(StatusCode.OutOfRange, 400)]
    [InlineData(StatusCode.Unimplemented, 501)]
    [InlineData(StatusCode.Internal, 500)]
    [InlineData(StatusCode.Unavailable, 503)]
    [InlineData(StatusCode.DataLoss, 500)]
    [InlineData(StatusCode.Unauthenticated, 401)]
    [InlineData((StatusCode)17, 500)]
    public void ToHttpStatus_Code_TableRow(StatusCode code, int httpStatus)
    {
        Assert.Equal(httpStatus, HttpStatusTable.ToHttpStatus(code));
    }

    [Theory]
    [InlineData(400, "constraint-violation", "Constraint Violation")]
    [InlineData(401, "unauthorized", "Unauthorized")]
    [InlineData(403, "forbidden", "Forbidden")]
    [InlineData(404, "resource-not-found", "Resource Not Found")]
    [InlineData(422, "constraint-violation", "Constraint Violation")]
    [InlineData(499, "client-closed-request", "Client Closed Request")]
    [InlineData(500, "server-error", "Server Error")]
    [InlineData(503, "service-unavailable", "Service Unavailable")]
    public void ProblemCatalog_Status_AvayaSlugAndTitle(int status, string slug, string title)
    {
        Assert.Equal((slug, title), ProblemCatalog.For(status));
    }
}
