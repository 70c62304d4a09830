using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf.Reflection;
using JourneyGrpc.Api.V1;
using JourneyGrpc.Gateway.Internal.Binding;
using JourneyGrpc.Gateway.Internal.Errors;
using JourneyGrpc.Gateway.Internal.Handlers;
using JourneyGrpc.Gateway.Internal.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace JourneyGrpc.Gateway.Internal.OpenApi;

/// <summary>
/// The OpenAPI 3.0.3 document of the route table, generated once at start-up from the same
/// routes and descriptors that serve requests: one operation per route (methods OpenAPI can
/// name), path and query parameters, request and response schemas, the success status from the
/// options, and the error body of the route's error format.
/// </summary>
internal static class OpenApiDocumentWriter
{
    private const string StatusSchema = "google.rpc.Status";
    private const string ProblemSchema = "journeygrpc.api.v1.Problem";
    private const string ErrorObjectSchema = "journeygrpc.api.v1.HttpErrorObject";
    private const int MaxQueryDepth = 4;

    private static readonly FrozenSet<string> OpenApiMethods = new[] { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE" }.ToFrozenSet();

    internal static byte[] Write(RouteTable routes)
    {
        var schemas = new OpenApiSchemaWriter();
        var int64Fields = new HashSet<FieldDescriptor>();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("openapi", "3.0.3");
            writer.WriteStartObject("info");
            writer.WriteString("title", "JourneyGrpc REST gateway");
            writer.WriteString("description", "Generated at start-up from the google.api.http rules and project options of the served services.");
            writer.WriteString("version", "v1");
            writer.WriteEndObject();
            writer.WriteStartObject("paths");
            foreach (var group in routes.Routes.Where(r => OpenApiMethods.Contains(r.HttpMethod)).GroupBy(r => OpenApiPath(r.Pattern.Template)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(group.Key);
                foreach (var route in group.DistinctBy(r => r.HttpMethod))
                {
                    WriteOperation(writer, route, BindingIndex(routes, route), schemas);
                    if (route.Method.Options.Int64AsNumber)
                    {
                        int64Fields.UnionWith(ReachableMessages.Fields(route.Method.Descriptor.OutputType));
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("components");
            writer.WriteStartObject("schemas");
            WriteErrorSchemas(writer);
            schemas.WriteComponents(writer, field => int64Fields.Contains(field) || field.GetOptions()?.GetExtension(HttpOptionsExtensions.RestField)?.Int64AsNumber == true);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>0 for a method's HttpRule, 1… for its additional_bindings in order: a stable operationId suffix.</summary>
    private static int BindingIndex(RouteTable routes, GatewayRoute route) =>
        routes.Routes.Where(r => r.Method == route.Method).Count(r => r.Order < route.Order);

    private static void WriteOperation(Utf8JsonWriter writer, GatewayRoute route, int bindingIndex, OpenApiSchemaWriter schemas)
    {
        var method = route.Method.Descriptor;
        var options = route.Method.Options;
        writer.WriteStartObject(route.HttpMethod.ToLowerInvariant());
        var operationId = method.Service.Name + "_" + method.Name
            + (bindingIndex == 0 ? string.Empty : "_" + bindingIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

        writer.WriteString("operationId", operationId);
        writer.WriteStartArray("tags");
        writer.WriteStringValue(method.Service.FullName);
        writer.WriteEndArray();
        writer.WriteString("summary", method.FullName);

        writer.WriteStartArray("parameters");
        foreach (var (name, path) in route.Binder.PathFields)
        {
            WriteParameter(writer, name, "path", path.Leaf, required: true, schemas);
        }

        var template = route.Pattern.Template;
        var anonymous = Enumerable.Range(0, template.Segments.Count)
            .Count(i => template.Segments[i].Kind != TemplateSegmentKind.Literal && !template.Variables.Any(v => i >= v.StartSegment && i < v.EndSegment));

        for (var i = 0; i < anonymous; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("name", "_wildcard" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("in", "path");
            writer.WriteBoolean("required", true);
            writer.WriteStartObject("schema");
            writer.WriteString("type", "string");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (route.Binder.BodyKind != BodyKind.Whole)
        {
            var excluded = route.Binder.PathFields.Select(p => p.Value.Fields[0]).ToHashSet();
            if (route.Binder.BodyField is { } bodyField)
            {
                excluded.Add(bodyField);
            }

            WriteQueryParameters(writer, route.Binder.Request, string.Empty, excluded, route.Binder.PathFields.Select(p => p.Value.Text).ToHashSet(), schemas, 0);
        }

        if (route.Method.EventIds.LastEventId is { } resumeField)
        {
            WriteParameter(writer, RequestBinder.LastEventIdHeader, "header", resumeField, required: false, schemas);
        }

        writer.WriteEndArray();

        if (route.Binder.BodyKind != BodyKind.None)
        {
            writer.WriteStartObject("requestBody");
            writer.WriteStartObject("content");
            writer.WriteStartObject(RequestBody.JsonMediaType);
            writer.WritePropertyName("schema");
            if (route.Binder.BodyField is { } field)
            {
                schemas.WriteField(writer, field, int64AsNumber: false);
            }
            else
            {
                schemas.WriteMessageRef(writer, route.Binder.Request);
            }

            writer.WriteEndObject();
            if (route.Binder.FormField is { } formField)
            {
                writer.WriteStartObject(RequestBody.FormMediaType);
                writer.WriteStartObject("schema");
                writer.WriteString("type", "object");
                writer.WriteStartObject("properties");
                writer.WriteStartObject(formField);
                writer.WriteString("type", "string");
                writer.WriteString("description", "The JSON body, as text.");
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteStartArray("required");
                writer.WriteStringValue(formField);
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteStartObject("responses");
        var success = options.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStartObject(success);
        writer.WriteString("description", ReasonPhrases.GetReasonPhrase(options.SuccessStatus));
        if (!options.EmptyBody)
        {
            writer.WriteStartObject("content");
            var mediaTypes = method.IsServerStreaming
                ? new[] { NdjsonFormat.Instance.ContentType, ServerSentEventsFormat.Instance.ContentType }
                : [RequestBody.JsonMediaType];
            foreach (var mediaType in mediaTypes)
            {
                writer.WriteStartObject(mediaType.Split(';')[0]);
                writer.WritePropertyName("schema");
                if (route.ResponseBody is { } responseField)
                {
                    schemas.WriteField(writer, responseField, options.Int64AsNumber);
                }
                else
                {
                    schemas.WriteMessageRef(writer, method.OutputType);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("default");
        writer.WriteString("description", "Error");
        writer.WriteStartObject("content");
        var problem = options.ErrorFormat == ErrorFormat.ProblemJson;
        writer.WriteStartObject((problem ? ErrorWriter.ProblemContentType : ErrorWriter.StatusContentType).Split(';')[0]);
        writer.WriteStartObject("schema");
        writer.WriteString("$ref", OpenApiSchemaWriter.Ref(options.ErrorFormat switch
        {
            ErrorFormat.ProblemJson => ProblemSchema,
            ErrorFormat.HttpErrorObject => ErrorObjectSchema,
            _ => StatusSchema,
        }));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteQueryParameters(Utf8JsonWriter writer, MessageDescriptor message, string prefix, HashSet<FieldDescriptor> excluded, HashSet<string> pathBound, OpenApiSchemaWriter schemas, int depth)
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var name = prefix + field.JsonName;
            var protoPath = prefix.Length == 0 ? field.Name : prefix + field.Name;
            if ((depth == 0 && excluded.Contains(field)) || pathBound.Contains(protoPath) || field.IsMap)
            {
                continue;
            }

            if (field.FieldType == FieldType.Message && !WellKnownTypes.HasSpecialJson(field.MessageType))
            {
                if (!field.IsRepeated && depth < MaxQueryDepth)
                {
                    WriteQueryParameters(writer, field.MessageType, name + ".", excluded, pathBound, schemas, depth + 1);
                }

                continue;
            }

            WriteParameter(writer, name, "query", field, required: false, schemas);
        }
    }

    private static void WriteParameter(Utf8JsonWriter writer, string name, string location, FieldDescriptor field, bool required, OpenApiSchemaWriter schemas)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("in", location);
        writer.WriteBoolean("required", required);
        if (field.GetOptions()?.GetExtension(HttpOptionsExtensions.RestField)?.QueryCommaSeparated == true)
        {
            writer.WriteString("description", "Repeat the parameter or send one comma-separated list.");
        }

        writer.WritePropertyName("schema");
        schemas.WriteField(writer, field, int64AsNumber: false);
        writer.WriteEndObject();
    }

    private static void WriteErrorSchemas(Utf8JsonWriter writer)
    {
        writer.WriteStartObject(StatusSchema);
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        WriteProperty(writer, "code", "integer", "int32");
        WriteProperty(writer, "message", "string", null);
        writer.WriteStartObject("details");
        writer.WriteString("type", "array");
        writer.WriteStartObject("items");
        writer.WriteString("type", "object");
        writer.WriteBoolean("additionalProperties", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject(ProblemSchema);
        writer.WriteString("type", "object");
        writer.WriteString("description", "RFC 7807 problem details, with field violations from google.rpc.BadRequest.");
        writer.WriteStartObject("properties");
        WriteProperty(writer, "type", "string", "uri");
        WriteProperty(writer, "title", "string", null);
        WriteProperty(writer, "status", "integer", "int32");
        WriteProperty(writer, "detail", "string", null);
        WriteViolationsProperty(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject(ErrorObjectSchema);
        writer.WriteString("type", "object");
        writer.WriteString("description", "The Genesys Context Services error object, with field violations from google.rpc.BadRequest.");
        writer.WriteStartObject("properties");
        WriteProperty(writer, "http_method", "string", null);
        WriteProperty(writer, "http_code", "integer", "int32");
        WriteProperty(writer, "error_code", "string", null);
        WriteProperty(writer, "error_description", "string", null);
        WriteViolationsProperty(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteViolationsProperty(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("violations");
        writer.WriteString("type", "array");
        writer.WriteStartObject("items");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        WriteProperty(writer, "field", "string", null);
        WriteProperty(writer, "message", "string", null);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, string type, string? format)
    {
        writer.WriteStartObject(name);
        writer.WriteString("type", type);
        if (format is not null)
        {
            writer.WriteString("format", format);
        }

        writer.WriteEndObject();
    }

    /// <summary>The OpenAPI path: variables as <c>{field.path}</c>, anonymous wildcards as <c>{_wildcardN}</c>, the verb kept.</summary>
    private static string OpenApiPath(HttpTemplate template)
    {
        var parts = new List<string>();
        var anonymous = 0;
        for (var i = 0; i < template.Segments.Count; i++)
        {
            var variable = template.Variables.FirstOrDefault(v => v.StartSegment == i);
            if (variable is not null)
            {
                parts.Add("{" + variable.FieldPath + "}");
                i = variable.EndSegment - 1;
                continue;
            }

            var segment = template.Segments[i];
            parts.Add(segment.Kind == TemplateSegmentKind.Literal ? segment.Literal : "{_wildcard" + (anonymous++).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}");
        }

        return "/" + string.Join('/', parts) + (template.Verb is null ? string.Empty : ":" + template.Verb);
    }
}
