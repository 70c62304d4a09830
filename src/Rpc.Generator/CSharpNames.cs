using System.Text;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc.Generator;

/// <summary>
/// protoc's C# naming rules, reproduced so that our stubs name the same namespaces, message
/// classes and reflection classes as protoc's <c>--csharp_out</c> output they sit beside.
/// </summary>
/// <remarks>Rules from protobuf <c>src/google/protobuf/compiler/csharp/names.cc</c>.</remarks>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked",
        "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else",
        "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for",
        "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true",
        "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual",
        "void", "volatile", "while",
    };

    /// <summary>
    /// protoc's <c>UnderscoresToCamelCase</c>: drops every non-alphanumeric character and capitalises
    /// the letter after it or after a digit ("v1alpha" → "V1Alpha"); keeps other capitals as they are.
    /// </summary>
    public static string UnderscoresToCamelCase(string input, bool capitalizeNext, bool preservePeriod = false)
    {
        var result = new StringBuilder(input.Length + 1);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c is >= 'a' and <= 'z')
            {
                result.Append(capitalizeNext ? (char)(c - 'a' + 'A') : c);
                capitalizeNext = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                // Only the very first character is forced to lower case, and only for camelCase.
                result.Append(i == 0 && !capitalizeNext ? (char)(c - 'A' + 'a') : c);
                capitalizeNext = false;
            }
            else if (c is >= '0' and <= '9')
            {
                result.Append(c);
                capitalizeNext = true;
            }
            else
            {
                capitalizeNext = true;
                if (c == '.' && preservePeriod)
                {
                    result.Append('.');
                }
            }
        }

        if (input.Length > 0 && input[^1] == '#')
        {
            result.Append('_');
        }

        // An identifier cannot start with a digit: "_2foo" keeps its underscore
        // (https://github.com/protocolbuffers/protobuf/issues/8101).
        if (result.Length > 0 && char.IsAsciiDigit(result[0]) && input.Length > 0 && input[0] == '_')
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }

    public static string UnderscoresToPascalCase(string input) => UnderscoresToCamelCase(input, capitalizeNext: true);

    /// <summary>"google/protobuf/foo_bar.proto" → "FooBar": the stem of every file protoc writes for it.</summary>
    public static string GetFileNameBase(string protoFileName)
    {
        var baseName = protoFileName[(protoFileName.LastIndexOf('/') + 1)..];
        var lastDot = baseName.LastIndexOf('.');
        return UnderscoresToPascalCase(lastDot < 0 ? baseName : baseName[..lastDot]);
    }

    /// <summary>The <c>csharp_namespace</c> option when present (even if empty), else the package in PascalCase.</summary>
    public static string GetFileNamespace(FileDescriptorProto file) =>
        file.Options is { HasCsharpNamespace: true } options
            ? options.CsharpNamespace
            : UnderscoresToCamelCase(file.Package, capitalizeNext: true, preservePeriod: true);

    /// <summary>The fully qualified reflection class, e.g. <c>global::Grpc.Health.V1.HealthReflection</c>.</summary>
    public static string GetReflectionClassName(FileDescriptorProto file) =>
        Qualify(GetFileNamespace(file), GetFileNameBase(file.Name) + "Reflection");

    /// <summary>
    /// The fully qualified class of a message: its namespace, then nested messages through their
    /// parent's <c>Types</c> class (".pkg.Outer.Inner" → "global::Pkg.Outer.Types.Inner").
    /// </summary>
    public static string GetMessageClassName(FileDescriptorProto file, string nestedName) =>
        Qualify(GetFileNamespace(file), nestedName.Replace(".", ".Types.", StringComparison.Ordinal));

    /// <summary>
    /// The path of the generated file: flat by default; with <c>base_namespace</c>, in folders for the
    /// namespace parts below that base, as protoc's C# generator does.
    /// </summary>
    public static string GetOutputFileName(FileDescriptorProto file, string suffix, string? baseNamespace)
    {
        var fileName = GetFileNameBase(file.Name) + suffix;
        if (baseNamespace is null)
        {
            return fileName;
        }

        var ns = GetFileNamespace(file);
        string rest;
        if (baseNamespace.Length == 0)
        {
            rest = ns;
        }
        else if (ns == baseNamespace)
        {
            rest = string.Empty;
        }
        else if (ns.StartsWith(baseNamespace + ".", StringComparison.Ordinal))
        {
            rest = ns[(baseNamespace.Length + 1)..];
        }
        else
        {
            throw new GeneratorException($"namespace {ns} of {file.Name} is not within base_namespace {baseNamespace}.");
        }

        return rest.Length == 0 ? fileName : rest.Replace('.', '/') + "/" + fileName;
    }

    /// <summary>Prefixes a C# keyword with <c>@</c> so that it can be used as an identifier.</summary>
    public static string EscapeKeyword(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    public static bool IsKeyword(string identifier) => Keywords.Contains(identifier);

    private static string Qualify(string ns, string name) => ns.Length == 0 ? "global::" + name : "global::" + ns + "." + name;
}
