using System.Buffers.Binary;

namespace LandUse.Scoring.Imaging;

/// <summary>A PNG's pixel layout from its IHDR chunk, and the conversion of one unfiltered row to 8-bit RGB.</summary>
internal sealed record PngFormat(int Width, int Height, int BitDepth, int ColorType)
{
    /// <summary>Channels per pixel of the colour type (grey 1, RGB 3, palette 1, grey+alpha 2, RGBA 4).</summary>
    public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

    public int BitsPerPixel => Channels * BitDepth;

    /// <summary>The byte distance PNG filters look back (at least one byte).</summary>
    public int FilterUnit => Math.Max(1, BitsPerPixel / 8);

    /// <summary>The layout of a 13-byte IHDR payload, or null when it is not a valid non-interlaced PNG header.</summary>
    public static PngFormat? Read(ReadOnlySpan<byte> ihdr)
    {
        if (ihdr.Length < 13)
        {
            return null;
        }

        var format = new PngFormat(BinaryPrimitives.ReadInt32BigEndian(ihdr), BinaryPrimitives.ReadInt32BigEndian(ihdr[4..]), ihdr[8], ihdr[9]);
        var depthOk = format.ColorType switch
        {
            0 => format.BitDepth is 1 or 2 or 4 or 8 or 16,
            3 => format.BitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => format.BitDepth is 8 or 16,
            _ => false,
        };
        var methodsOk = ihdr[10] == 0 && ihdr[11] == 0 && ihdr[12] == 0;
        return depthOk && methodsOk && format.Width > 0 && format.Height > 0 ? format : null;
    }

    /// <summary>
    /// Writes <see cref="Width"/> RGB pixels from an unfiltered row: 16-bit samples keep their high byte, low-depth grey is
    /// scaled to 0-255, palette indices past the palette are black, alpha is dropped.
    /// </summary>
    public void ToRgb(ReadOnlySpan<byte> row, ReadOnlySpan<byte> palette, Span<byte> rgb)
    {
        var step = BitDepth == 16 ? 2 : 1;
        switch (ColorType)
        {
            case 0 when BitDepth >= 8:
                for (var x = 0; x < Width; x++)
                {
                    rgb[(x * 3) + 2] = rgb[(x * 3) + 1] = rgb[x * 3] = row[x * step];
                }

                break;
            case 0:
                var max = (1 << BitDepth) - 1;
                for (var x = 0; x < Width; x++)
                {
                    var grey = (byte)(Bits(row, x) * 255 / max);
                    rgb[(x * 3) + 2] = rgb[(x * 3) + 1] = rgb[x * 3] = grey;
                }

                break;
            case 3:
                for (var x = 0; x < Width; x++)
                {
                    var index = BitDepth == 8 ? row[x] : Bits(row, x);
                    var known = (index * 3) + 2 < palette.Length;
                    rgb[x * 3] = known ? palette[index * 3] : (byte)0;
                    rgb[(x * 3) + 1] = known ? palette[(index * 3) + 1] : (byte)0;
                    rgb[(x * 3) + 2] = known ? palette[(index * 3) + 2] : (byte)0;
                }

                break;
            case 4:
                for (var x = 0; x < Width; x++)
                {
                    rgb[(x * 3) + 2] = rgb[(x * 3) + 1] = rgb[x * 3] = row[x * 2 * step];
                }

                break;
            default:
                var pixel = Channels * step;
                for (var x = 0; x < Width; x++)
                {
                    rgb[x * 3] = row[x * pixel];
                    rgb[(x * 3) + 1] = row[(x * pixel) + step];
                    rgb[(x * 3) + 2] = row[(x * pixel) + (2 * step)];
                }

                break;
        }
    }

    private int Bits(ReadOnlySpan<byte> row, int x)
    {
        var bit = x * BitDepth;
        return (row[bit >> 3] >> (8 - BitDepth - (bit & 7))) & ((1 << BitDepth) - 1);
    }
}
