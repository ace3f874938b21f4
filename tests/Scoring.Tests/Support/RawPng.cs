using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LandUse.Scoring.Tests.Support;

/// <summary>Writes PNG files byte by byte, for formats SkiaSharp does not encode (palette, 16-bit) and for lying headers.</summary>
internal static class RawPng
{
    /// <summary>A PNG of the given colour type and bit depth; <paramref name="scanlines"/> are the unfiltered rows.</summary>
    public static byte[] Build(int width, int height, byte colorType, byte bitDepth, byte[][] scanlines, byte[]? palette = null)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        Chunk(png, "IHDR", header);
        if (palette is not null)
        {
            Chunk(png, "PLTE", palette);
        }

        using var raw = new MemoryStream();
        foreach (var line in scanlines)
        {
            raw.WriteByte(0);
            raw.Write(line);
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }

        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG header claiming width x height, followed by a tiny IDAT and IEND, without the pixels.</summary>
    public static byte[] LyingHeader(int width, int height) => Build(width, height, 2, 8, [new byte[3]]);

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typed));
        png.Write(crc);
    }

    private static uint Crc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
