using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>
/// A REST request for a method's <c>google.api.http</c> rule that names <c>account</c> where the method's access rule
/// reads it (path, body or query), every other path variable filled with a value of its field's type.
/// </summary>
internal static partial class RestRouteRequest
{
    private const string Id = "dbf2aca9-b905-4ef1-a181-fa85133ae441";

    internal static HttpRequestMessage Create(MethodDescriptor method, string account)
    {
        var rule = method.GetOptions().GetExtension(AnnotationsExtensions.Http);
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            _ => throw new InvalidOperationException($"{method.FullName} has no REST route."),
        };
        var accountPath = AccessTableTests.AccountPath(method);
        var inPath = false;
        var path = Variable().Replace(template, match =>
        {
            var field = match.Groups[1].Value;
            if (field == accountPath)
            {
                inPath = true;
                return Uri.EscapeDataString(account);
            }

            return Value(method.InputType, field);
        });
        var request = new HttpRequestMessage(verb, new Uri(path, UriKind.Relative));
        var body = new JsonObject();
        if (accountPath is not null && !inPath)
        {
            if (rule.Body == "*" || (rule.Body.Length > 0 && accountPath.StartsWith(rule.Body + ".", StringComparison.Ordinal)))
            {
                var inBody = rule.Body == "*" ? accountPath : accountPath[(rule.Body.Length + 1)..];
                body[JsonName(rule.Body == "*" ? method.InputType : method.InputType.FindFieldByName(rule.Body).MessageType, inBody)] = account;
            }
            else
            {
                request.RequestUri = new Uri($"{path}?{JsonName(method.InputType, accountPath)}={Uri.EscapeDataString(account)}", UriKind.Relative);
            }
        }

        if (rule.Body.Length > 0)
        {
            // A body that is one repeated field (Avaya's identifiers:delete) is a JSON array.
            var json = rule.Body != "*" && method.InputType.FindFieldByName(rule.Body) is { IsRepeated: true } ? "[\"abc\"]" : body.ToJsonString();
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static string JsonName(MessageDescriptor message, string fieldPath) => message.FindFieldByName(fieldPath)?.JsonName ?? fieldPath;

    private static string Value(MessageDescriptor message, string fieldPath)
    {
        var field = fieldPath.Split('.').Aggregate<string, (MessageDescriptor? Message, FieldDescriptor? Field)>((message, null), (at, name) => (at.Field?.MessageType ?? at.Message, (at.Field?.MessageType ?? at.Message)!.FindFieldByName(name))).Field;
        return field?.FieldType switch
        {
            FieldType.Int32 or FieldType.Int64 or FieldType.UInt32 or FieldType.UInt64 or FieldType.SInt32 or FieldType.SInt64 or FieldType.Fixed32 or FieldType.Fixed64 => "1",
            _ => Id,
        };
    }

    [GeneratedRegex(@"\{([a-z_.]+)(?:=[^}]*)?\}")]
    private static partial Regex Variable();
}
