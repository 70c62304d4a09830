using Microsoft.AspNetCore.Http;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using JourneyGrpc.Api.V1;
using JourneyGrpc.Gateway.Internal;
using JourneyGrpc.Gateway.Internal.Backends;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyGrpc.Gateway.Tests.Internal;

/// <summary>Start-up checks: a bad rule or option fails the build, naming the method.</summary>
public sealed class RestGatewayBuilderTests
{
    [Theory]
    [InlineData("get", "/v1/{id", "", "", "REST gateway: can't map test.v1.Broken.Call: path template '/v1/{id' is invalid: Missing '}' after variable 'id'.")]
    [InlineData("get", "v1/x", "", "", "REST gateway: can't map test.v1.Broken.Call: path template 'v1/x' is invalid: Path template must start with '/'.")]
    [InlineData("get", "/v1/{nope}", "", "", "REST gateway: can't map test.v1.Broken.Call: path variable 'nope': 'nope': test.v1.CallRequest has no field 'nope'.")]
    [InlineData("get", "/v1/{tags}", "", "", "REST gateway: can't map test.v1.Broken.Call: path variable 'tags' must name a singular primitive field (http.proto).")]
    [InlineData("post", "/v1/x", "nope", "", "REST gateway: can't map test.v1.Broken.Call: body 'nope' is not a top-level field of test.v1.CallRequest.")]
    [InlineData("post", "/v1/{id}", "id", "", "REST gateway: can't map test.v1.Broken.Call: body 'id' is also bound by the path.")]
    [InlineData("get", "/v1/x", "", "nope", "REST gateway: can't map test.v1.Broken.Call: response_body 'nope' is not a top-level field of test.v1.CallResponse.")]
    [InlineData("", "", "", "", "REST gateway: can't map test.v1.Broken.Call: the google.api.http rule has no pattern (get, put, post, delete, patch or custom).")]
    public void Build_BadRule_FailsNamingMethod(string verb, string path, string body, string responseBody, string message)
    {
        var rule = new HttpRule { Body = body, ResponseBody = responseBody };
        if (verb == "get")
        {
            rule.Get = path;
        }
        else if (verb == "post")
        {
            rule.Post = path;
        }

        var exception = Assert.Throws<InvalidOperationException>(() => Build(rule, null));

        Assert.Equal(message, exception.Message);
    }

    [Theory]
    [InlineData(302, "REST gateway: can't map test.v1.Broken.Call: success_status 302 is not a 2xx status.")]
    [InlineData(201, null)]
    public void Build_SuccessStatus_Checked(int status, string? message)
    {
        var options = new RestMethodOptions { SuccessStatus = status };

        var exception = Record.Exception(() => Build(new HttpRule { Get = "/v1/x" }, options));

        Assert.Equal(message, exception?.Message);
    }

    [Fact]
    public void Build_FormFieldWithoutBody_Fails()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Build(new HttpRule { Get = "/v1/x" }, new RestMethodOptions { FormField = "ixnProfile" }));

        Assert.Equal("REST gateway: can't map test.v1.Broken.Call: form_field 'ixnProfile' needs a google.api.http body.", exception.Message);
    }

    [Fact]
    public void Build_CaptureUnknownKeysOnNonStruct_Fails()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Build(new HttpRule { Post = "/v1/x", Body = "*" }, null, new RestFieldOptions { CaptureUnknownKeys = true }));

        Assert.Equal("REST gateway: can't map test.v1.Broken.Call: test.v1.CallRequest.id: capture_unknown_keys needs a singular google.protobuf.Struct field.", exception.Message);
    }

    [Fact]
    public void Build_LastEventIdOnUnaryMethod_Fails()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Build(new HttpRule { Get = "/v1/x" }, null, new RestFieldOptions { LastEventId = true }));

        Assert.Equal("REST gateway: can't map test.v1.Broken.Call: test.v1.CallRequest.id: sse_event_id and last_event_id belong to server-streaming methods; test.v1.Broken.Call is not one.", exception.Message);
    }

    private static void Build(HttpRule rule, RestMethodOptions? restOptions, RestFieldOptions? idOptions = null)
    {
        var idFieldOptions = new FieldOptions();
        if (idOptions is not null)
        {
            idFieldOptions.SetExtension(HttpOptionsExtensions.RestField, idOptions);
        }

        var methodOptions = new MethodOptions();
        methodOptions.SetExtension(AnnotationsExtensions.Http, rule);
        if (restOptions is not null)
        {
            methodOptions.SetExtension(HttpOptionsExtensions.RestMethod, restOptions);
        }

        var file = new FileDescriptorProto
        {
            Name = "test/v1/broken.proto",
            Package = "test.v1",
            Syntax = "proto3",
            Dependency = { "google/api/annotations.proto", "journeygrpc/api/v1/http_options.proto" },
            MessageType =
            {
                new DescriptorProto
                {
                    Name = "CallRequest",
                    Field =
                    {
                        new FieldDescriptorProto { Name = "id", Number = 1, Type = FieldDescriptorProto.Types.Type.String, JsonName = "id", Options = idFieldOptions },
                        new FieldDescriptorProto { Name = "tags", Number = 2, Type = FieldDescriptorProto.Types.Type.String, Label = FieldDescriptorProto.Types.Label.Repeated, JsonName = "tags" },
                    },
                },
                new DescriptorProto { Name = "CallResponse" },
            },
            Service =
            {
                new ServiceDescriptorProto
                {
                    Name = "Broken",
                    Method = { new MethodDescriptorProto { Name = "Call", InputType = ".test.v1.CallRequest", OutputType = ".test.v1.CallResponse", Options = methodOptions } },
                },
            },
        };
        var registry = new ExtensionRegistry { AnnotationsExtensions.Http, HttpOptionsExtensions.RestMethod, HttpOptionsExtensions.RestField };
        var files = FileDescriptor.BuildFromByteStrings(
            [
                DescriptorReflection.Descriptor.SerializedData,
                HttpReflection.Descriptor.SerializedData,
                AnnotationsReflection.Descriptor.SerializedData,
                HttpOptionsReflection.Descriptor.SerializedData,
                file.ToByteString(),
            ],
            registry);
        var backend = new FakeBackend([.. files[^1].Services]);
        new RestGatewayBuilder(backend, new RestGatewayOptions(), NullLogger.Instance).Build();
    }

    private sealed class FakeBackend(IReadOnlyList<ServiceDescriptor> services) : IGatewayBackend
    {
        private static readonly GrpcChannel Unused = GrpcChannel.ForAddress("http://127.0.0.1:9");

        public string Description => "test";

        public IReadOnlyList<ServiceDescriptor> Services => services;

        public Func<HttpContext, CallInvoker> GetInvokerFactory(ServiceDescriptor service) => _ => Unused.CreateCallInvoker();
    }
}
