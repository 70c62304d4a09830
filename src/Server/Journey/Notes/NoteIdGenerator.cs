using System.Security.Cryptography;

namespace JourneyGrpc.Server.Journey.Notes;

/// <summary>
/// Agent note ids: 20 random characters of [A-Za-z0-9] (about 119 bits), the shape of the spec's
/// <c>noteId</c> path parameter (e.g. <c>Isfgy40BJ8Ew1LrQxUJy</c>), so every id this service hands out
/// passes its own path validation (spec section 6 #8).
/// </summary>
internal static class NoteIdGenerator
{
    internal const int Length = 20;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    internal static string Next() => RandomNumberGenerator.GetString(Alphabet, Length);
}
