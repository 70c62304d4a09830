using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>The message types reachable from a root through its message fields (the root included), each once.</summary>
internal static class ReachableMessages
{
    internal static IEnumerable<MessageDescriptor> From(MessageDescriptor root)
    {
        var seen = new HashSet<MessageDescriptor>();
        var pending = new Stack<MessageDescriptor>([root]);
        while (pending.TryPop(out var message))
        {
            if (!seen.Add(message))
            {
                continue;
            }

            yield return message;
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                if (field.FieldType == FieldType.Message)
                {
                    pending.Push(field.MessageType);
                }
            }
        }
    }

    /// <summary>Every field of every message type reachable from <paramref name="root"/>.</summary>
    internal static IEnumerable<FieldDescriptor> Fields(MessageDescriptor root) =>
        From(root).SelectMany(message => message.Fields.InDeclarationOrder());
}
