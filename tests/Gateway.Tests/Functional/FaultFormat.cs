namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>The three error formats of the gateway's routes.</summary>
public enum FaultFormat
{
    /// <summary>google.rpc.Status JSON, the id as a google.rpc.RequestInfo detail.</summary>
    RpcStatus,

    /// <summary>RFC 7807 application/problem+json, the id as the <c>correlationId</c> member.</summary>
    ProblemJson,

    /// <summary>The Context Services error object, the id as <c>correlation_id</c>.</summary>
    HttpErrorObject,
}
