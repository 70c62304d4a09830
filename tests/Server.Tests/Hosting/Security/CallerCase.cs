namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>Who calls, in the access table: the credentials a call carries.</summary>
public enum CallerCase
{
    NoCredentials,
    ForeignSignature,
    Expired,
    WrongRole,
    OtherAccount,
    RightRole,
}
