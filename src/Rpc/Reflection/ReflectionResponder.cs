using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace JourneyGrpc.Rpc.Reflection;

/// <summary>
/// Answers one reflection stream's requests, in order. A file answer holds the file plus each
/// transitive dependency not yet sent on this stream, as grpc-go does.
/// See https://github.com/grpc/grpc/blob/master/doc/server-reflection.md.
/// </summary>
internal sealed class ReflectionResponder(DescriptorIndex index)
{
    private readonly HashSet<string> _sentFiles = new(StringComparer.Ordinal);

    internal ServerReflectionResponse Respond(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(index.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = list;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFile(request.FileByFilename), $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index.FindFileContainingSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                var extension = request.FileContainingExtension;
                SetFile(response, index.FindExtension(extension.ContainingType, extension.ExtensionNumber)?.File, $"Extension {extension.ExtensionNumber} of '{extension.ContainingType}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                var numbers = index.FindExtensionNumbers(request.AllExtensionNumbersOfType);
                if (numbers is null)
                {
                    SetError(response, StatusCode.NotFound, $"Type '{request.AllExtensionNumbersOfType}' not found.");
                }
                else
                {
                    var numbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType.TrimStart('.') };
                    numbersResponse.ExtensionNumber.AddRange(numbers);
                    response.AllExtensionNumbersResponse = numbersResponse;
                }

                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "The reflection request names no known operation.");
                break;
        }

        return response;
    }

    private void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        var files = new FileDescriptorResponse();
        files.FileDescriptorProto.Add(file.SerializedData);
        _sentFiles.Add(file.Name);
        AddDependencies(file, files);
        response.FileDescriptorResponse = files;
    }

    private void AddDependencies(FileDescriptor file, FileDescriptorResponse files)
    {
        foreach (var dependency in file.Dependencies)
        {
            if (_sentFiles.Add(dependency.Name))
            {
                files.FileDescriptorProto.Add(dependency.SerializedData);
                AddDependencies(dependency, files);
            }
        }
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
