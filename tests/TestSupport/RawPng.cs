using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LandUse.TestSupport;

/// <summary>
/// Writes PNG files byte by byte, for formats SkiaSharp does not encode (palette, 16-bit, interlace flag), for lying
/// headers, and for images too large to hold in memory (<see cref="WriteRows"/> streams them row by row).
/// </summary>
public static class RawPng
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

    /// <summary>
    /// Streams an 8-bit RGB PNG of any size to <paramref name="output"/>: <paramref name="row"/> fills row y (width x 3
    /// bytes), rows are Sub-filtered and deflated as they come, so only one row is ever in memory. With
    /// <paramref name="interlaced"/> only the header's interlace flag is set (the data stays sequential: decoders that
    /// honour the flag see a damaged image, which is all a test of the refusal needs).
    /// </summary>
    public static void WriteRows(Stream output, int width, int height, Action<int, byte[]> row, bool interlaced = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(row);
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        header[12] = interlaced ? (byte)1 : (byte)0;
        Chunk(output, "IHDR", header);
        using var idat = new IdatWriter(output);
        using (var z = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
        {
            var pixels = new byte[width * 3];
            var filtered = new byte[1 + (width * 3)];
            for (var y = 0; y < height; y++)
            {
                row(y, pixels);
                filtered[0] = 1; // Sub: small deltas, so smooth rows deflate well.
                for (var i = 0; i < pixels.Length; i++)
                {
                    filtered[1 + i] = (byte)(pixels[i] - (i >= 3 ? pixels[i - 3] : 0));
                }

                z.Write(filtered);
            }
        }

        idat.Flush();
        Chunk(output, "IEND", []);
    }

    private static void Chunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data.ToArray()).ToArray();
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

    /// <summary>Collects deflated bytes and writes them out as IDAT chunks of up to 1 MiB.</summary>
    private sealed class IdatWriter(Stream png) : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _pending.Write(buffer, offset, count);
            if (_pending.Length >= 1 << 20)
            {
                Flush();
            }
        }

        public override void Flush()
        {
            if (_pending.Length > 0)
            {
                Chunk(png, "IDAT", _pending.GetBuffer().AsSpan(0, (int)_pending.Length));
                _pending.SetLength(0);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
