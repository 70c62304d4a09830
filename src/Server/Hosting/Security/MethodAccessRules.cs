using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.Reflection;
using JourneyGrpc.Api.V1;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>
/// The access rule of every method of every mapped service, read from the protos'
/// <c>journeygrpc.api.v1.service_access</c> / <c>method_access</c> options when the service is mapped;
/// a method without roles stops start-up. gRPC's own services (health, reflection) have no rule: anyone may call them.
/// </summary>
internal sealed class MethodAccessRules
{
    private const string InfrastructurePackage = "grpc.";

    private readonly ConcurrentDictionary<string, MethodAccessRule> _rules = new(StringComparer.Ordinal);

    internal int Count => _rules.Count;

    /// <summary>The rule of the method at <paramref name="path"/> (<c>/package.Service/Method</c>); false for gRPC's own services.</summary>
    internal bool TryGet(string path, [NotNullWhen(true)] out MethodAccessRule? rule) => _rules.TryGetValue(path, out rule);

    /// <summary>Sets the rule of a method served without a protobuf descriptor (its path is <c>/package.Service/Method</c>).</summary>
    internal void Add(string path, MethodAccessRule rule) => _rules[path] = rule;

    /// <summary>Reads and checks the rules of every method of <paramref name="service"/>.</summary>
    internal void Add(Google.Protobuf.Reflection.ServiceDescriptor service)
    {
        if (service.File.Package.StartsWith(InfrastructurePackage, StringComparison.Ordinal))
        {
            return;
        }

        var defaults = service.GetOptions()?.GetExtension(AccessOptionsExtensions.ServiceAccess);
        foreach (var method in service.Methods)
        {
            var own = method.GetOptions()?.GetExtension(AccessOptionsExtensions.MethodAccess);
            var roles = own is { Roles.Count: > 0 } ? own.Roles : defaults?.Roles;
            if (roles is not { Count: > 0 })
            {
                throw new InvalidOperationException(
                    $"{method.FullName} names no roles: give it option (journeygrpc.api.v1.method_access) or its service option (journeygrpc.api.v1.service_access), so it is known who may call it.");
            }

            var accountPath = own is { AccountField.Length: > 0 } ? own.AccountField : defaults?.AccountField;
            AccountField? account = null;
            if (!string.IsNullOrEmpty(accountPath))
            {
                if (method.IsClientStreaming)
                {
                    throw new InvalidOperationException($"{method.FullName}: account_field is not supported on a client-streaming method.");
                }

                account = AccountField.Resolve(method, accountPath);
            }

            _rules[$"/{service.FullName}/{method.Name}"] = new MethodAccessRule(method.FullName, [.. roles], account);
        }
    }
}
