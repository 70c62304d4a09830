using System.Text;

namespace JourneyGrpc.Server.Tests.Fuzz;

/// <summary>Hostile inputs, reproducible from a seed: mutated bytes, broken frames, deep nesting, bad UTF-8, odd paths.</summary>
internal sealed class FuzzInputs(int seed)
{
    private static readonly string[] PathValues =
    [
        "ABCDEF", "../../etc/passwd", "%2e%2e%2f%2e%2e", "..%2f..%2f", "%00", "%ff%fe", "a%0d%0aSet-Cookie:%20x=1", new string('A', 5000),
        "%F0%9F%98%80", "%C0%AF", "dbf2aca9-b905-4ef1-a181-fa85133ae441", "", "%", "%zz", "{id}", "*",
    ];

    private static readonly string[] JsonSeeds =
    [
        """{"id":"dbf2aca9-b905-4ef1-a181-fa85133ae441","startDate":"2026-01-01T00:00:00Z","identifiers":{"phoneNumbers":["019 718 0171"]}}""",
        """{"GSW_USER_EVENT":"CampaignGroupState","GSW_TENANT_NAME":"Environment","GSW_CAMPAIGN_GROUP_GUID":"5f0c9a4e","GSW_CAMPAIGN_GROUP_STATE":"Running"}""",
        """{"identifierName":"loyaltyId","identifierType":"Custom"}""",
        """["a","b"]""",
    ];

    private readonly Random _random = new(seed);

    internal int Next(int max) => _random.Next(max);

    internal T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A REST path from an OpenAPI template, its variables filled with hostile values.</summary>
    internal string Path(string template)
    {
        var path = new StringBuilder();
        foreach (var part in template.Split('/'))
        {
            if (path.Length > 0 || part.Length > 0)
            {
                path.Append('/');
            }

            path.Append(part.StartsWith('{') ? Pick(PathValues) : part.Replace("{", Pick(PathValues), StringComparison.Ordinal));
        }

        return _random.Next(4) == 0 ? path + "?pageSize=" + Pick(PathValues) + "&" + Pick(PathValues) + "=1" : path.ToString();
    }

    /// <summary>A request body: mutated JSON, deep nesting, invalid UTF-8, a form, or random bytes.</summary>
    internal (byte[] Body, string ContentType) Body() => _random.Next(7) switch
    {
        0 => (Mutate(Encoding.UTF8.GetBytes(Pick(JsonSeeds))), "application/json"),
        1 => (Encoding.UTF8.GetBytes(new string('[', 5000 + _random.Next(20000)) + new string(']', _random.Next(100))), "application/json"),
        2 => ([.. "{\"id\":\""u8, .. Bytes(1 + _random.Next(8)), .. "\"}"u8], "application/json"),
        3 => (Encoding.UTF8.GetBytes("ixnProfile=" + Uri.EscapeDataString(Pick(JsonSeeds)) + "&" + Pick(PathValues) + "=" + Pick(PathValues)), "application/x-www-form-urlencoded"),
        4 => (Encoding.UTF8.GetBytes("{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200 + _random.Next(2000)))), "application/json"),
        5 => (Bytes(_random.Next(2048)), Pick(["application/json", "text/plain", "application/json; charset=latin1", "multipart/form-data"])),
        _ => (Encoding.UTF8.GetBytes(Pick(JsonSeeds)), "application/json; charset=utf-16"),
    };

    /// <summary>A gRPC request body: a well- or badly-framed mutated message, a length prefix that lies, or noise.</summary>
    internal byte[] GrpcBody(byte[] valid) => _random.Next(5) switch
    {
        0 => Frame(Mutate(valid), compressed: false),
        1 => Frame(Bytes(_random.Next(512)), compressed: _random.Next(4) == 0),
        2 => [0, 0x7f, 0xff, 0xff, 0xff, .. Bytes(_random.Next(64))],
        3 => Bytes(_random.Next(5)),
        _ => [.. Frame(valid, compressed: false), .. Bytes(1 + _random.Next(16))],
    };

    private static byte[] Frame(byte[] message, bool compressed) =>
        [compressed ? (byte)1 : (byte)0, (byte)(message.Length >> 24), (byte)(message.Length >> 16), (byte)(message.Length >> 8), (byte)message.Length, .. message];

    private byte[] Mutate(byte[] input)
    {
        var output = input.ToArray();
        for (var i = 0; i < 1 + _random.Next(4) && output.Length > 0; i++)
        {
            output[_random.Next(output.Length)] = (byte)_random.Next(256);
        }

        return _random.Next(3) == 0 && output.Length > 1 ? output[.._random.Next(output.Length)] : output;
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
