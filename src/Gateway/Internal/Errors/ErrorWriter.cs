using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JourneyGrpc.Api.V1;
using JourneyGrpc.Gateway.Internal.Json;
using JourneyGrpc.Gateway.Internal.Routing;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace JourneyGrpc.Gateway.Internal.Errors;

/// <summary>
/// Renders a <see cref="GatewayError"/> in the route's error format: google.rpc.Status JSON
/// (<c>{"code","message","details"}</c>, as ASP.NET Core and grpc-gateway) or RFC 7807
/// <c>application/problem+json</c> (<c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>,
/// <c>violations</c>) in the shape the Avaya AXP API documents, or the Genesys Context Services
/// error object (<c>http_method</c>, <c>http_code</c>, <c>error_code</c>, <c>error_description</c>).
/// A 500 for a failure on the server carries its correlation id: <c>correlationId</c> in problem+json,
/// <c>correlation_id</c> in the error object, a google.rpc.RequestInfo detail in google.rpc.Status, and
/// the <c>x-correlation-id</c> header.
/// </summary>
internal sealed class ErrorWriter(ProtoJsonWriter statusWriter)
{
    internal const string StatusContentType = "application/json; charset=utf-8";
    internal const string ProblemContentType = "application/problem+json; charset=utf-8";

    internal static string ContentType(MethodRestOptions options) =>
        options.ErrorFormat == ErrorFormat.ProblemJson ? ProblemContentType : StatusContentType;

    internal static int HttpStatus(GatewayError error, MethodRestOptions options) => error.HttpStatus ?? options.HttpStatusFor(error.Code);

    /// <summary>Writes the whole error response: status, headers and body.</summary>
    internal async Task WriteAsync(HttpContext context, GatewayError error, MethodRestOptions options)
    {
        var response = context.Response;
        var status = HttpStatus(error, options);
        response.StatusCode = status;
        if (error.Allow is { Count: > 0 } allow)
        {
            response.Headers.Allow = string.Join(", ", allow);
        }

        // A 401 must carry a challenge (RFC 9110 section 15.5.2); the service's own, when it sent one, says why.
        if (error.Code == StatusCode.Unauthenticated && response.Headers.WWWAuthenticate.Count == 0)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        if (error.CorrelationId is { } correlationId)
        {
            response.Headers[CorrelationId.HeaderName] = correlationId;
        }

        var body = Encoding.UTF8.GetBytes(Render(error, status, options, context.Request.Method));
        response.ContentType = ContentType(options);
        response.ContentLength = body.Length;
        response.Headers[HeaderNames.CacheControl] = "no-store";
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The error's JSON body (also the payload of a stream's final error object).</summary>
    internal string Render(GatewayError error, int httpStatus, MethodRestOptions options, string httpMethod) => options.ErrorFormat switch
    {
        ErrorFormat.ProblemJson => RenderProblem(error, httpStatus, options),
        ErrorFormat.HttpErrorObject => RenderErrorObject(error, httpStatus, httpMethod),
        _ => RenderStatus(error),
    };

    private string RenderStatus(GatewayError error)
    {
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        statusWriter.WriteMessage(writer, error.Status);
        return writer.ToString();
    }

    private static string RenderErrorObject(GatewayError error, int httpStatus, string httpMethod) =>
        WriteObject(writer =>
        {
            writer.WriteString("http_method", httpMethod);
            writer.WriteNumber("http_code", httpStatus);
            writer.WriteString("error_code", StatusNames.Of(error.Code));
            writer.WriteString("error_description", error.Status.Message);
            WriteViolations(writer, error);
            if (error.CorrelationId is { } correlationId)
            {
                writer.WriteString("correlation_id", correlationId);
            }
        });

    private static string RenderProblem(GatewayError error, int httpStatus, MethodRestOptions options)
    {
        var (slug, title) = ProblemCatalog.For(httpStatus);
        return WriteObject(writer =>
        {
            writer.WriteString("type", options.ProblemTypeBase.Length == 0 ? "about:blank" : options.ProblemTypeBase + "#" + slug);
            writer.WriteString("title", title);
            writer.WriteNumber("status", httpStatus);
            writer.WriteString("detail", error.Status.Message);
            WriteViolations(writer, error);

            // An RFC 7807 extension member (section 3.2), in the camelCase of the Avaya bodies.
            if (error.CorrelationId is { } correlationId)
            {
                writer.WriteString("correlationId", correlationId);
            }
        });
    }

    private static void WriteViolations(Utf8JsonWriter writer, GatewayError error)
    {
        var violations = error.FieldViolations().ToList();
        if (violations.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("violations");
        foreach (var (field, message) in violations)
        {
            writer.WriteStartObject();
            writer.WriteString("field", field);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string WriteObject(Action<Utf8JsonWriter> writeMembers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
