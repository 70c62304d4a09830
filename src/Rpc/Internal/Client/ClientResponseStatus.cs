using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace JourneyGrpc.Rpc.Internal.Client;

/// <summary>Reads a call's status off an HTTP response: Trailers-Only headers, trailers, or a broken reply.</summary>
internal static class ClientResponseStatus
{
    /// <summary>
    /// True when the response headers end the call (Trailers-Only, non-200, non-gRPC content, unknown
    /// grpc-encoding); otherwise <paramref name="encoding"/> is the coding of the response messages.
    /// </summary>
    internal static bool EndsAtHeaders(HttpResponseMessage response, out Status status, out string? encoding)
    {
        encoding = null;

        // A received grpc-status is always used; the HTTP status only stands in for a missing one
        // (http-grpc-status-mapping.md). Trailers-Only puts it in the headers.
        if (TryGetStatus(response.Headers, out status))
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            var httpStatus = (int)response.StatusCode;
            status = new Status(HttpToGrpcStatus.FromHttpStatus(httpStatus), "Bad gRPC response. HTTP status code: " + httpStatus.ToString(CultureInfo.InvariantCulture));
            return true;
        }

        var contentType = GetValue(response.Content.Headers, "Content-Type");
        if (!GrpcProtocolConstants.IsGrpcContentType(contentType))
        {
            // A 200 without grpc-status maps to UNKNOWN (same table).
            status = new Status(StatusCode.Unknown, "Bad gRPC response. Invalid content-type value: " + contentType);
            return true;
        }

        var coding = GetValue(response.Headers, GrpcProtocolConstants.MessageEncodingHeader);
        if (coding is null || coding.Equals(GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (coding.Equals(GrpcProtocolConstants.GzipEncoding, StringComparison.OrdinalIgnoreCase))
        {
            encoding = GrpcProtocolConstants.GzipEncoding;
            return false;
        }

        // We only advertised identity,gzip in grpc-accept-encoding; anything else is a server fault.
        status = new Status(StatusCode.Internal, $"Unsupported grpc-encoding value '{coding}'. Supported encodings: {GrpcProtocolConstants.AcceptEncodingValue}");
        return true;
    }

    internal static Status FromTrailers(HttpHeaders trailers) => TryGetStatus(trailers, out var status) ? status : ClientStatuses.NoGrpcStatus;

    /// <summary>The status of a call whose HTTP exchange failed with <paramref name="exception"/>.</summary>
    internal static Status FromException(string summary, Exception exception) =>
        new(ResolveCode(exception), summary + " " + exception.GetType().Name + ": " + exception.Message, exception);

    private static StatusCode ResolveCode(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RpcException rpc:
                    return rpc.StatusCode;
                case HttpProtocolException protocol:
                    return HttpToGrpcStatus.FromHttp2ErrorCode(protocol.ErrorCode);
                case OperationCanceledException:
                    return StatusCode.Cancelled;
            }
        }

        // The connection failed or broke: UNAVAILABLE on the client (statuscodes.md).
        return exception is HttpRequestException or IOException ? StatusCode.Unavailable : StatusCode.Internal;
    }

    private static bool TryGetStatus(HttpHeaders headers, out Status status)
    {
        var value = GetValue(headers, GrpcProtocolConstants.StatusTrailer);
        if (value is null)
        {
            status = default;
            return false;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            status = new Status(StatusCode.Unknown, "Unexpected grpc-status value: " + value);
            return true;
        }

        var message = GetValue(headers, GrpcProtocolConstants.MessageTrailer);
        status = new Status((StatusCode)code, message is null ? string.Empty : PercentEncoding.Decode(message));
        return true;
    }

    private static string? GetValue(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
