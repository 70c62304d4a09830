using System.Collections.Frozen;
using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.Core;
using JourneyGrpc.Api.V1;
using JourneyGrpc.Gateway.Internal.Backends;
using JourneyGrpc.Gateway.Internal.Binding;
using JourneyGrpc.Gateway.Internal.Errors;
using JourneyGrpc.Gateway.Internal.Handlers;
using JourneyGrpc.Gateway.Internal.Json;
using JourneyGrpc.Gateway.Internal.OpenApi;
using JourneyGrpc.Gateway.Internal.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Gateway.Internal;

/// <summary>
/// Builds every route once, at start-up, from the services' descriptors: each method's
/// <c>google.api.http</c> rule and its <c>additional_bindings</c>, the project options, the field
/// paths of path variables and bodies. Anything wrong fails start-up with the method named.
/// </summary>
internal sealed class RestGatewayBuilder(IGatewayBackend backend, RestGatewayOptions options, ILogger logger)
{
    private readonly GatewayJson _json = new(backend.Services.Select(s => s.File).Distinct());
    private readonly List<GatewayRoute> _routes = [];

    internal RestGateway Build()
    {
        var errors = new ErrorWriter(new ProtoJsonWriter(_json.Formatter, _json.Registry, false, FrozenSet<FieldDescriptor>.Empty));
        var services = new GatewayServices(
            errors,
            new FaultResponder(errors, logger),
            options.ForwardedHeaders.Select(h => h.ToLowerInvariant()).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            options.MaxRequestBodySize,
            logger);
        var methods = 0;
        foreach (var service in backend.Services)
        {
            foreach (var method in service.Methods)
            {
                if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
                {
                    continue;
                }

                if (method.IsClientStreaming)
                {
                    GatewayLog.MethodNotExposed(logger, method.FullName, method.IsServerStreaming ? "duplex-streaming" : "client-streaming");
                    continue;
                }

                try
                {
                    AddMethod(method, rule, backend.GetInvokerFactory(service));
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                {
                    throw new InvalidOperationException($"REST gateway: can't map {method.FullName}: {ex.Message}", ex);
                }

                methods++;
            }
        }

        var table = new RouteTable(_routes);
        foreach (var route in table.Routes)
        {
            route.Handler = route.Method.Descriptor.IsServerStreaming
                ? new ServerStreamingRouteHandler(route, services)
                : new UnaryRouteHandler(route, services);
        }

        var document = OpenApiDocumentWriter.Write(table);
        GatewayLog.GatewayBuilt(logger, backend.Description, table.Routes.Count, methods, backend.Services.Count);
        return new RestGateway(table, services, document);
    }

    private void AddMethod(MethodDescriptor method, HttpRule rule, Func<HttpContext, CallInvoker> invoker)
    {
        var routeOptions = MethodRestOptions.Resolve(method);
        var json = new ProtoJsonWriter(_json.Formatter, _json.Registry, routeOptions.Int64AsNumber, CollectFields(method.OutputType, o => o.Int64AsNumber));
        var gatewayMethod = new GatewayMethod(method, GatewayMethod.CreateRpc(method), invoker, routeOptions, json, EventIdFields.For(method)) { Forwarded = backend is ForwardingBackend };
        JsonFieldLookup.Prepare(method.InputType);
        JsonFieldLookup.Prepare(method.OutputType);
        AddRoute(gatewayMethod, rule);
        foreach (var additional in rule.AdditionalBindings)
        {
            if (additional.AdditionalBindings.Count > 0)
            {
                throw new InvalidOperationException("additional_bindings may not have additional_bindings of their own (http.proto: one level only).");
            }

            AddRoute(gatewayMethod, additional);
        }
    }

    private void AddRoute(GatewayMethod method, HttpRule rule)
    {
        var (httpMethod, text) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path),
            _ => throw new InvalidOperationException("the google.api.http rule has no pattern (get, put, post, delete, patch or custom)."),
        };

        HttpTemplate template;
        try
        {
            template = HttpTemplateParser.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"path template '{text}' is invalid: {ex.Message}", ex);
        }

        var request = method.Descriptor.InputType;
        var pathFields = new List<KeyValuePair<string, FieldPath>>();
        foreach (var variable in template.Variables)
        {
            var path = Resolve(request, variable.FieldPath, $"path variable '{variable.FieldPath}'");
            var leaf = path.Leaf;
            if (leaf.IsRepeated || (leaf.FieldType == FieldType.Message && !WellKnownTypes.IsWrapper(leaf.MessageType) && !WellKnownTypes.HasStringForm(leaf.MessageType)))
            {
                throw new InvalidOperationException($"path variable '{variable.FieldPath}' must name a singular primitive field (http.proto).");
            }

            pathFields.Add(new(variable.FieldPath, path));
        }

        var (bodyKind, bodyField) = rule.Body switch
        {
            "" => (BodyKind.None, (FieldDescriptor?)null),
            "*" => (BodyKind.Whole, null),
            var name => (BodyKind.Field, request.FindFieldByName(name)
                ?? throw new InvalidOperationException($"body '{name}' is not a top-level field of {request.FullName}.")),
        };
        if (bodyField is not null && pathFields.Any(p => p.Value.Fields.Count == 1 && p.Value.Leaf == bodyField))
        {
            throw new InvalidOperationException($"body '{bodyField.Name}' is also bound by the path.");
        }

        if (method.Options.FormField is not null && bodyKind == BodyKind.None)
        {
            throw new InvalidOperationException($"form_field '{method.Options.FormField}' needs a google.api.http body.");
        }

        FieldDescriptor? responseBody = null;
        if (rule.ResponseBody.Length > 0)
        {
            responseBody = method.Descriptor.OutputType.FindFieldByName(rule.ResponseBody)
                ?? throw new InvalidOperationException($"response_body '{rule.ResponseBody}' is not a top-level field of {method.Descriptor.OutputType.FullName}.");
        }

        var boundElsewhere = pathFields.Select(p => p.Value).ToList();
        if (bodyField is not null)
        {
            boundElsewhere.Add(FieldPath.Resolve(request, bodyField.Name));
        }

        var scalars = new ScalarParser(_json.Parser);
        var query = new QueryBinder(request, boundElsewhere, CollectFields(request, o => o.QueryCommaSeparated), scalars);
        var binder = new RequestBinder(request, bodyKind, bodyField, pathFields, query, method.Options.FormField, method.EventIds, new ProtoJsonReader(_json.Parser), scalars);
        var duplicate = _routes.FirstOrDefault(r => r.HttpMethod == httpMethod && r.Pattern.Template.Text == template.Text);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{httpMethod} {template.Text} is already mapped to {duplicate.Method.Descriptor.FullName}.");
        }

        _routes.Add(new GatewayRoute(httpMethod, new PathPattern(template), method, binder, responseBody, _routes.Count));
        GatewayLog.RouteMapped(logger, httpMethod, template.Text, method.Descriptor.FullName);
    }

    private static FieldPath Resolve(MessageDescriptor request, string path, string what)
    {
        try
        {
            return FieldPath.Resolve(request, path);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{what}: {ex.Message}", ex);
        }
    }

    /// <summary>Every field reachable from <paramref name="root"/> whose rest_field options satisfy <paramref name="predicate"/>.</summary>
    private static FrozenSet<FieldDescriptor> CollectFields(MessageDescriptor root, Func<RestFieldOptions, bool> predicate) =>
        ReachableMessages.Fields(root)
            .Where(field => field.GetOptions()?.GetExtension(HttpOptionsExtensions.RestField) is { } options && predicate(options))
            .ToFrozenSet();
}
