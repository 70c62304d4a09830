using Microsoft.IdentityModel.Tokens;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>Why credentials were refused, in words a caller can act on (never the token or the key).</summary>
internal static class CredentialFailures
{
    internal const string Missing = "The call needs credentials: a bearer token (authorization: Bearer <token>) or an appkey header.";

    internal static string Describe(Exception? failure) => failure switch
    {
        null => Missing,
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The bearer token was issued for another audience.",
        SecurityTokenInvalidIssuerException => "The bearer token was issued by another issuer.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is malformed.",
        SecurityTokenException => "The bearer token is not valid.",
        Microsoft.AspNetCore.Authentication.AuthenticationFailureException => failure.Message,
        _ => "The credentials are not valid.",
    };

    /// <summary>The <c>WWW-Authenticate</c> challenge (RFC 6750 section 3).</summary>
    internal static string Challenge(Exception? failure) => failure is SecurityTokenException or ArgumentException
        ? $"Bearer error=\"invalid_token\", error_description=\"{Describe(failure)}\""
        : "Bearer";
}
