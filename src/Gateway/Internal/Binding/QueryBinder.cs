using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Primitives;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// Binds query parameters (and extra form fields) to the fields neither the path nor the body
/// covers (http.proto): keys are dotted field paths in JSON or proto names (<c>thing.id</c>,
/// <c>pageSize</c>); a repeated field takes every value (<c>?a=1&amp;a=2</c>) and, where the field
/// is marked <c>query_comma_separated</c>, comma lists too. Unknown keys are ignored, as ASP.NET
/// Core and grpc-gateway do, so cache-busters and tracking parameters pass.
/// </summary>
internal sealed class QueryBinder(MessageDescriptor request, IReadOnlyList<FieldPath> boundElsewhere, IReadOnlySet<FieldDescriptor> commaSeparated, ScalarParser parser)
{
    internal void Bind(IMessage message, IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        foreach (var (key, values) in parameters)
        {
            if (FieldPath.TryResolveQueryKey(request, key) is not { } path || IsBoundElsewhere(path))
            {
                continue;
            }

            var field = path.Leaf;
            if (field.IsMap || (field.FieldType == FieldType.Message && !WellKnownTypes.HasSpecialJson(field.MessageType)))
            {
                throw new BindingException(key, field.IsMap || field.IsRepeated
                    ? "maps and repeated messages can't be bound from the query."
                    : $"{field.MessageType.FullName} is a message: set its fields as '{key}.<field>'.");
            }

            var target = path.GetOrCreateParent(message);
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(target);
                foreach (var value in values)
                {
                    foreach (var item in commaSeparated.Contains(field) ? (value ?? string.Empty).Split(',') : [value ?? string.Empty])
                    {
                        list.Add(parser.Parse(field, item, key));
                    }
                }
            }
            else if (values.Count > 1)
            {
                throw new BindingException(key, "a field that is not repeated can't take more than one value.");
            }
            else
            {
                field.Accessor.SetValue(target, parser.Parse(field, values.ToString(), key));
            }
        }
    }

    private bool IsBoundElsewhere(FieldPath path)
    {
        foreach (var bound in boundElsewhere)
        {
            if (path.StartsWith(bound))
            {
                return true;
            }
        }

        return false;
    }
}
