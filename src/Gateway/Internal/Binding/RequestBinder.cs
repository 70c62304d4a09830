using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using JourneyGrpc.Gateway.Internal.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// Builds one route's request message in the order http.proto and ASP.NET Core use: the body
/// (the whole message or one field), then the path variables, then query parameters for the
/// fields neither covers, and last the <c>Last-Event-ID</c> header for a <c>last_event_id</c> field
/// still unset. Everything it needs is resolved when the route is built.
/// </summary>
internal sealed class RequestBinder(
    MessageDescriptor request,
    BodyKind bodyKind,
    FieldDescriptor? bodyField,
    IReadOnlyList<KeyValuePair<string, FieldPath>> pathFields,
    QueryBinder queryBinder,
    string? formField,
    EventIdFields eventIds,
    ProtoJsonReader jsonReader,
    ScalarParser scalarParser)
{
    /// <summary>The header a reconnecting EventSource sends with the last event id it received.</summary>
    internal const string LastEventIdHeader = "Last-Event-ID";

    internal MessageDescriptor Request { get; } = request;

    internal BodyKind BodyKind { get; } = bodyKind;

    internal FieldDescriptor? BodyField { get; } = bodyField;

    internal IReadOnlyList<KeyValuePair<string, FieldPath>> PathFields { get; } = pathFields;

    internal string? FormField { get; } = formField;

    internal async ValueTask<IMessage> BindAsync(HttpContext context, PathMatch match, int maxBodySize)
    {
        var message = MessageFactory.Create(Request);
        FormBody.ThrowIfQueryNotUtf8(context.Request.QueryString);
        IEnumerable<KeyValuePair<string, StringValues>> query = context.Request.Query;
        if (BodyKind != BodyKind.None)
        {
            var httpRequest = context.Request;
            var isJson = RequestBody.IsJson(httpRequest.ContentType, FormField is not null);
            var bytes = await RequestBody.ReadAsync(httpRequest.BodyReader, httpRequest.ContentLength, maxBodySize, context.RequestAborted).ConfigureAwait(false);
            var body = BodyEncoding.WithoutByteOrderMark(bytes);
            if (!isJson)
            {
                var form = FormBody.Parse(body);
                if (!form.Remove(FormField!, out var json))
                {
                    throw new BindingException(FormField!, "the form field carrying the JSON body is missing.");
                }

                body = Encoding.UTF8.GetBytes(json.ToString());
                query = query.Concat(form);
            }

            try
            {
                if (BodyKind == BodyKind.Whole)
                {
                    jsonReader.MergeMessage(message, body.Span);
                }
                else
                {
                    jsonReader.MergeField(message, BodyField!, body.Span);
                }
            }
            catch (BindingException ex) when (!isJson)
            {
                // In a form the client wrote the JSON as the value of one field: name that field too.
                throw new BindingException(ex.Field.Length == 0 ? FormField! : FormField + "." + ex.Field, ex.Description);
            }
        }

        foreach (var (variable, value) in match.Values)
        {
            var path = FindPathField(variable);
            path.Leaf.Accessor.SetValue(path.GetOrCreateParent(message), scalarParser.Parse(path.Leaf, value, variable));
        }

        if (BodyKind != BodyKind.Whole)
        {
            queryBinder.Bind(message, query);
        }

        if (eventIds.LastEventId is { } resumeField
            && context.Request.Headers[LastEventIdHeader] is { Count: > 0 } lastEventId
            && eventIds.IsLastEventIdUnset(message))
        {
            resumeField.Accessor.SetValue(message, scalarParser.Parse(resumeField, lastEventId.ToString(), LastEventIdHeader));
        }

        return message;
    }

    private FieldPath FindPathField(string variable)
    {
        foreach (var (name, path) in PathFields)
        {
            if (name == variable)
            {
                return path;
            }
        }

        throw new InvalidOperationException($"Path variable '{variable}' has no field.");
    }
}
