using System.Buffers.Binary;
using System.IO.Compression;

namespace LandUse.Scoring.Imaging;

/// <summary>
/// Decodes a non-interlaced PNG too large to hold whole (more than <see cref="TileLimits.MaxDecodePixels"/>) by streaming
/// its rows (inflate, unfilter, to RGB) into area averages at the output size. It holds two source rows, one RGB row and
/// one output row of sums: under 1 MiB at 10,000 px wide, whatever the height. Alpha is ignored, like the whole decode.
/// </summary>
internal static class PngDownsampler
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Fills <paramref name="rgba"/> (<paramref name="outWidth"/> x <paramref name="outHeight"/> x 4, opaque), or says why it could not.</summary>
    public static (DecodeFailure Failure, string? Problem) Decode(Stream png, int outWidth, int outHeight, Span<byte> rgba)
    {
        ArgumentNullException.ThrowIfNull(png);
        try
        {
            return DecodeChecked(png, outWidth, outHeight, rgba);
        }
        catch (EndOfStreamException)
        {
            return (DecodeFailure.Truncated, "is truncated: the file ends inside a PNG chunk.");
        }
        catch (InvalidDataException ex)
        {
            return (DecodeFailure.Corrupt, $"has damaged image data ({ex.Message}).");
        }
    }

    private static (DecodeFailure Failure, string? Problem) DecodeChecked(Stream png, int outWidth, int outHeight, Span<byte> rgba)
    {
        Span<byte> head = stackalloc byte[8];
        png.ReadExactly(head);
        if (!head.SequenceEqual(Signature))
        {
            return (DecodeFailure.Unsupported, "is not a PNG image.");
        }

        PngFormat? format = null;
        byte[] palette = [];
        while (true)
        {
            png.ReadExactly(head);
            var length = BinaryPrimitives.ReadInt32BigEndian(head);
            var type = BinaryPrimitives.ReadUInt32BigEndian(head[4..]);
            if (length < 0)
            {
                return (DecodeFailure.Corrupt, "has a PNG chunk with a negative length.");
            }

            if (type == Chunk.Idat)
            {
                if (format is not { } f)
                {
                    return (DecodeFailure.Corrupt, "has image data before its PNG header.");
                }

                using var idat = new IdatStream(png, length);
                using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
                return Rows(inflate, f, palette, outWidth, outHeight, rgba);
            }

            if (type == Chunk.Iend)
            {
                return (DecodeFailure.Truncated, "is truncated: it has no image data.");
            }

            var data = type is Chunk.Ihdr or Chunk.Plte ? new byte[length] : null;
            if (data is null)
            {
                Skip(png, length + 4L);
                continue;
            }

            png.ReadExactly(data);
            Skip(png, 4);
            if (type == Chunk.Ihdr)
            {
                format = PngFormat.Read(data);
                if (format is null)
                {
                    return (DecodeFailure.Corrupt, "has a PNG header this decoder cannot read (bit depth, colour type or method).");
                }
            }
            else
            {
                palette = data;
            }
        }
    }

    private static (DecodeFailure Failure, string? Problem) Rows(Stream inflate, PngFormat f, byte[] palette, int outWidth, int outHeight, Span<byte> rgba)
    {
        var rowBytes = (int)(((long)f.Width * f.BitsPerPixel + 7) / 8);
        var current = new byte[rowBytes + 1];
        var previous = new byte[rowBytes + 1];
        var rgb = new byte[f.Width * 3];
        var column = new int[f.Width];
        var columnsIn = new int[outWidth];
        for (var x = 0; x < f.Width; x++)
        {
            column[x] = (int)((long)x * outWidth / f.Width);
            columnsIn[column[x]]++;
        }

        var sums = new long[outWidth * 3];
        var outRow = 0;
        var rowsIn = 0;
        for (var y = 0; y < f.Height; y++)
        {
            if (inflate.ReadAtLeast(current, current.Length, throwOnEndOfStream: false) < current.Length)
            {
                return (DecodeFailure.Truncated, $"is truncated: the image data ends at row {y} of {f.Height}.");
            }

            if (!Unfilter(current[0], current.AsSpan(1), previous.AsSpan(1), f.FilterUnit))
            {
                return (DecodeFailure.Corrupt, $"has an unknown PNG row filter ({current[0]}) at row {y}.");
            }

            f.ToRgb(current.AsSpan(1), palette, rgb);
            var target = (int)((long)y * outHeight / f.Height);
            if (target != outRow)
            {
                Flush(sums, columnsIn, rowsIn, rgba.Slice(outRow * outWidth * 4, outWidth * 4));
                (outRow, rowsIn) = (target, 0);
            }

            for (var x = 0; x < f.Width; x++)
            {
                var s = column[x] * 3;
                sums[s] += rgb[x * 3];
                sums[s + 1] += rgb[(x * 3) + 1];
                sums[s + 2] += rgb[(x * 3) + 2];
            }

            rowsIn++;
            (current, previous) = (previous, current);
        }

        Flush(sums, columnsIn, rowsIn, rgba.Slice(outRow * outWidth * 4, outWidth * 4));
        return (DecodeFailure.None, null);
    }

    private static void Flush(long[] sums, int[] columnsIn, int rowsIn, Span<byte> row)
    {
        for (var ox = 0; ox < columnsIn.Length; ox++)
        {
            var count = (long)columnsIn[ox] * rowsIn;
            for (var c = 0; c < 3; c++)
            {
                row[(ox * 4) + c] = count == 0 ? (byte)0 : (byte)((sums[(ox * 3) + c] + (count / 2)) / count);
                sums[(ox * 3) + c] = 0;
            }

            row[(ox * 4) + 3] = 255;
        }
    }

    /// <summary>Undoes a PNG row filter in place (types 0-4); false for an unknown type.</summary>
    internal static bool Unfilter(byte type, Span<byte> row, ReadOnlySpan<byte> previous, int unit)
    {
        switch (type)
        {
            case 0:
                return true;
            case 1:
                for (var i = unit; i < row.Length; i++)
                {
                    row[i] += row[i - unit];
                }

                return true;
            case 2:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += previous[i];
                }

                return true;
            case 3:
                for (var i = 0; i < row.Length; i++)
                {
                    var left = i >= unit ? row[i - unit] : 0;
                    row[i] += (byte)((left + previous[i]) >> 1);
                }

                return true;
            case 4:
                for (var i = 0; i < row.Length; i++)
                {
                    var (left, upLeft) = i >= unit ? (row[i - unit], previous[i - unit]) : ((byte)0, (byte)0);
                    row[i] += Paeth(left, previous[i], upLeft);
                }

                return true;
            default:
                return false;
        }
    }

    private static byte Paeth(byte a, byte b, byte c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Skip(Stream stream, long count)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
            {
                throw new EndOfStreamException();
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        Span<byte> scratch = stackalloc byte[512];
        while (count > 0)
        {
            var n = (int)Math.Min(count, scratch.Length);
            stream.ReadExactly(scratch[..n]);
            count -= n;
        }
    }

    private static class Chunk
    {
        public const uint Ihdr = 0x49484452;
        public const uint Plte = 0x504C5445;
        public const uint Idat = 0x49444154;
        public const uint Iend = 0x49454E44;
    }

    /// <summary>The concatenated payloads of consecutive IDAT chunks, read chunk by chunk from the PNG stream.</summary>
    private sealed class IdatStream(Stream png, int firstLength) : Stream
    {
        private long _left = firstLength;
        private bool _done;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            Span<byte> head = stackalloc byte[8];
            while (_left == 0 && !_done)
            {
                Skip(png, 4); // CRC of the chunk just finished.
                png.ReadExactly(head);
                if (BinaryPrimitives.ReadUInt32BigEndian(head[4..]) != Chunk.Idat)
                {
                    _done = true;
                    break;
                }

                _left = BinaryPrimitives.ReadInt32BigEndian(head);
                if (_left < 0)
                {
                    throw new InvalidDataException("an IDAT chunk has a negative length");
                }
            }

            if (_done || buffer.IsEmpty)
            {
                return 0;
            }

            var read = png.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            _left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
