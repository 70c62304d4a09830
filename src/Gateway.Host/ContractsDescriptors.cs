using System.Reflection;
using Google.Protobuf.Reflection;
using JourneyGrpc.Api.V1;

namespace JourneyGrpc.Gateway.Host;

/// <summary>Every service compiled into JourneyGrpc.Contracts, from protoc's generated <c>*Reflection.Descriptor</c> properties.</summary>
internal static class ContractsDescriptors
{
    internal static IEnumerable<ServiceDescriptor> Services() =>
        typeof(HttpOptionsReflection).Assembly.GetTypes()
            .Where(type => type.IsAbstract && type.IsSealed && type.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .SelectMany(file => file.Services);
}
