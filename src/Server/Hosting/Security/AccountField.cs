using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>The request field that names the account a call touches, resolved once from its path.</summary>
internal sealed class AccountField
{
    private readonly FieldDescriptor[] _path;

    private AccountField(string path, FieldDescriptor[] fields)
    {
        Path = path;
        _path = fields;
    }

    internal string Path { get; }

    /// <summary>Resolves <paramref name="path"/> (proto field names joined by dots) on <paramref name="request"/>.</summary>
    internal static AccountField Resolve(MethodDescriptor method, string path)
    {
        var fields = new List<FieldDescriptor>();
        var message = method.InputType;
        var names = path.Split('.');
        for (var i = 0; i < names.Length; i++)
        {
            var field = message?.FindFieldByName(names[i])
                ?? throw new InvalidOperationException($"{method.FullName}: account_field '{path}' names no field '{names[i]}' of {message?.FullName}.");
            var last = i == names.Length - 1;
            if (field.IsRepeated || field.IsMap || (last ? field.FieldType != FieldType.String : field.FieldType != FieldType.Message))
            {
                throw new InvalidOperationException($"{method.FullName}: account_field '{path}' must lead through singular messages to a singular string field.");
            }

            fields.Add(field);
            message = last ? null : field.MessageType;
        }

        return new AccountField(path, [.. fields]);
    }

    /// <summary>The account the request names; empty when a message on the way or the field is unset.</summary>
    internal string Read(IMessage request)
    {
        object? value = request;
        foreach (var field in _path)
        {
            if (value is not IMessage message)
            {
                return "";
            }

            value = field.Accessor.GetValue(message);
        }

        return value as string ?? "";
    }
}
