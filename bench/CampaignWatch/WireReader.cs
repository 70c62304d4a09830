using System.Buffers.Binary;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>
/// Reads protobuf wire format field by field over a span, skipping what the caller does not ask
/// for (https://protobuf.dev/programming-guides/encoding/). Throws <see cref="FormatException"/> on
/// a truncated or malformed message.
/// </summary>
internal ref struct WireReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>The next field's number and wire type, or false at the end.</summary>
    internal bool TryReadTag(out int field, out int wireType)
    {
        if (_position >= _data.Length)
        {
            (field, wireType) = (0, 0);
            return false;
        }

        var tag = ReadVarint();
        (field, wireType) = ((int)(tag >> 3), (int)(tag & 7));
        return true;
    }

    internal ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Next();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("varint longer than 10 bytes");
    }

    internal double ReadDouble()
    {
        var bytes = Take(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
    }

    internal ReadOnlySpan<byte> ReadLengthDelimited() => Take(checked((int)ReadVarint()));

    /// <summary>Skips the value of a field of <paramref name="wireType"/>.</summary>
    internal void Skip(int wireType)
    {
        _ = wireType switch
        {
            0 => ReadVarint(),
            1 => (ulong)Take(8).Length,
            2 => (ulong)ReadLengthDelimited().Length,
            5 => (ulong)Take(4).Length,
            _ => throw new FormatException($"unsupported wire type {wireType}"),
        };
    }

    private byte Next() => _position < _data.Length ? _data[_position++] : throw new FormatException("truncated message");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _data.Length - _position < count)
        {
            throw new FormatException("truncated message");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
