using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using JourneyGrpc.Api.V1;
using JourneyGrpc.Gateway.Internal.Errors;
using Grpc.Core;

namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>
/// A method's REST behaviour from the project options (protos/journeygrpc/api/v1/http_options.proto),
/// resolved once: the method's values win over its service's, which win over its file's.
/// </summary>
internal sealed record MethodRestOptions
{
    internal static MethodRestOptions Default { get; } = new();

    internal int SuccessStatus { get; init; } = 200;

    internal bool EmptyBody { get; init; }

    internal ErrorFormat ErrorFormat { get; init; } = ErrorFormat.GoogleRpcStatus;

    internal string ProblemTypeBase { get; init; } = string.Empty;

    internal bool Int64AsNumber { get; init; }

    internal string? FormField { get; init; }

    internal FrozenDictionary<StatusCode, int> ErrorStatuses { get; init; } = FrozenDictionary<StatusCode, int>.Empty;

    internal int HttpStatusFor(StatusCode code) => ErrorStatuses.TryGetValue(code, out var status) ? status : HttpStatusTable.ToHttpStatus(code);

    /// <summary>Reads and checks the options of <paramref name="method"/>; throws naming the bad value.</summary>
    internal static MethodRestOptions Resolve(MethodDescriptor method)
    {
        var file = method.File.GetOptions()?.GetExtension(HttpOptionsExtensions.RestFile);
        var service = method.Service.GetOptions()?.GetExtension(HttpOptionsExtensions.RestService);
        var own = method.GetOptions()?.GetExtension(HttpOptionsExtensions.RestMethod);

        var success = own?.SuccessStatus ?? 0;
        if (success is not (0 or (>= 200 and <= 299)))
        {
            throw new InvalidOperationException($"success_status {success} is not a 2xx status.");
        }

        var errorStatuses = new Dictionary<StatusCode, int>();
        foreach (var entry in own?.ErrorStatuses ?? [])
        {
            if (entry.GrpcCode is < 1 or > 16 || entry.HttpStatus is < 400 or > 599)
            {
                throw new InvalidOperationException($"error_statuses entry {{grpc_code: {entry.GrpcCode}, http_status: {entry.HttpStatus}}} needs a gRPC code 1-16 and an HTTP status 400-599.");
            }

            errorStatuses[(StatusCode)entry.GrpcCode] = entry.HttpStatus;
        }

        var format = First(own?.ErrorFormat ?? ErrorFormat.Unspecified, service?.ErrorFormat ?? ErrorFormat.Unspecified, file?.ErrorFormat ?? ErrorFormat.Unspecified);
        return new MethodRestOptions
        {
            SuccessStatus = success == 0 ? 200 : success,
            EmptyBody = (own?.EmptyBody ?? false) || success == 204,
            ErrorFormat = format == ErrorFormat.Unspecified ? ErrorFormat.GoogleRpcStatus : format,
            ProblemTypeBase = FirstNonEmpty(own?.ProblemTypeBase, service?.ProblemTypeBase, file?.ProblemTypeBase),
            Int64AsNumber = (own?.Int64AsNumber ?? false) || (service?.Int64AsNumber ?? false) || (file?.Int64AsNumber ?? false),
            FormField = string.IsNullOrEmpty(own?.FormField) ? null : own.FormField,
            ErrorStatuses = errorStatuses.ToFrozenDictionary(),
        };
    }

    private static ErrorFormat First(params ErrorFormat[] formats) => formats.FirstOrDefault(f => f != ErrorFormat.Unspecified);

    private static string FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? string.Empty;
}
