using Google.Protobuf.Reflection;
using JourneyGrpc.Api.V1;

namespace JourneyGrpc.Gateway.Internal;

/// <summary>
/// The one field of a message marked with a <c>rest_field</c> option that allows one mark per message
/// (<c>capture_unknown_keys</c>, <c>sse_event_id</c>, <c>last_event_id</c>): a mark on a field of a kind
/// the option does not take, or on two fields, is a contract error, reported naming the option.
/// </summary>
internal static class RestFieldMarks
{
    /// <param name="message">The message to search.</param>
    /// <param name="isMarked">Reads the option from a field's <c>rest_field</c> options.</param>
    /// <param name="option">The option's name, for errors.</param>
    /// <param name="fits">Whether a marked field is of a kind the option takes.</param>
    /// <param name="kind">That kind, for errors (<c>a singular integer or string field</c>).</param>
    internal static FieldDescriptor? FindSingle(MessageDescriptor message, Func<RestFieldOptions, bool> isMarked, string option, Func<FieldDescriptor, bool> fits, string kind)
    {
        FieldDescriptor? found = null;
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            if (field.GetOptions()?.GetExtension(HttpOptionsExtensions.RestField) is not { } options || !isMarked(options))
            {
                continue;
            }

            if (!fits(field))
            {
                throw new InvalidOperationException($"{field.FullName}: {option} needs {kind}.");
            }

            if (found is not null)
            {
                throw new InvalidOperationException($"{message.FullName}: {option} is set on both {found.Name} and {field.Name}; a message may have one.");
            }

            found = field;
        }

        return found;
    }
}
