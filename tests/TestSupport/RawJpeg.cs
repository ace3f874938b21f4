namespace LandUse.TestSupport;

/// <summary>How <see cref="RawJpeg"/> lays out its scans.</summary>
public enum JpegLayout
{
    /// <summary>One interleaved scan (SOF0): libjpeg decodes it a row of blocks at a time.</summary>
    Baseline,

    /// <summary>A DC scan of all components, then one AC scan per component (SOF2): libjpeg buffers the whole image.</summary>
    Progressive,
}

/// <summary>
/// Writes JPEG files SkiaSharp cannot encode (CMYK, progressive, any size) byte by byte: every 8x8 block is one flat
/// colour, so only DC coefficients are coded (quantizer 8: the decoded values are exact), AC bands are end-of-block.
/// Grey (1 component), YCbCr from RGB (3, JFIF) or Adobe CMYK (4, stored inverted as Photoshop writes it, so a reader
/// shows R = C*K/255, G = M*K/255, B = Y*K/255).
/// </summary>
public static class RawJpeg
{
    // The DC luminance table of JPEG Annex K.3: code lengths 1-16 and the categories 0-11.
    private static readonly byte[] DcCounts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] DcSymbols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly (int Code, int Length)[] DcCodes = Codes(DcCounts, DcSymbols);

    /// <summary>
    /// A JPEG of <paramref name="width"/> x <paramref name="height"/> whose 8x8 block (bx, by) has the component values
    /// <paramref name="block"/> gives (grey; R, G, B; or C, M, Y, K as stored).
    /// </summary>
    public static byte[] Build(int width, int height, int components, JpegLayout layout, Func<int, int, byte[]> block)
    {
        using var stream = new MemoryStream();
        Write(stream, width, height, components, layout, block);
        return stream.ToArray();
    }

    /// <inheritdoc cref="Build"/>
    public static void Write(Stream output, int width, int height, int components, JpegLayout layout, Func<int, int, byte[]> block)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(block);
        if (components is not (1 or 3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, "1 (grey), 3 (YCbCr) or 4 (CMYK).");
        }

        var (blocksX, blocksY) = ((width + 7) / 8, (height + 7) / 8);
        Marker(output, 0xD8);
        if (components == 4)
        {
            Segment(output, 0xEE, [(byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0, 100, 0, 0, 0, 0, 0]);
        }
        else
        {
            Segment(output, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        }

        Segment(output, 0xDB, [0, .. Enumerable.Repeat((byte)8, 64)]);
        var frame = new List<byte> { 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, (byte)components };
        for (var c = 0; c < components; c++)
        {
            frame.AddRange([(byte)(c + 1), 0x11, 0]);
        }

        Segment(output, layout == JpegLayout.Baseline ? (byte)0xC0 : (byte)0xC2, [.. frame]);

        // Table 0 of each class: the Annex K DC table, and an AC table whose one code ('0') is end-of-block.
        Segment(output, 0xC4, [0x00, .. DcCounts, .. DcSymbols, 0x10, 1, .. new byte[15], 0x00]);
        var all = Enumerable.Range(0, components).ToArray();
        if (layout == JpegLayout.Baseline)
        {
            Scan(output, all, 0, 63, blocksX, blocksY, block, dc: true, ac: true);
        }
        else
        {
            Scan(output, all, 0, 0, blocksX, blocksY, block, dc: true, ac: false);
            foreach (var c in all)
            {
                Scan(output, [c], 1, 63, blocksX, blocksY, block, dc: false, ac: true);
            }
        }

        Marker(output, 0xD9);
    }

    private static void Scan(Stream output, int[] scanComponents, byte start, byte end, int blocksX, int blocksY, Func<int, int, byte[]> block, bool dc, bool ac)
    {
        var header = new List<byte> { (byte)scanComponents.Length };
        foreach (var c in scanComponents)
        {
            header.AddRange([(byte)(c + 1), 0x00]);
        }

        header.AddRange([start, end, 0]);
        Segment(output, 0xDA, [.. header]);
        var bits = new BitWriter(output);
        var predictors = new int[4];
        for (var by = 0; by < blocksY; by++)
        {
            for (var bx = 0; bx < blocksX; bx++)
            {
                var values = block(bx, by);
                foreach (var c in scanComponents)
                {
                    if (dc)
                    {
                        var level = Level(values, c, values.Length);
                        var diff = level - predictors[c];
                        predictors[c] = level;
                        var category = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
                        bits.Write(DcCodes[category].Code, DcCodes[category].Length);
                        if (category > 0)
                        {
                            bits.Write(diff > 0 ? diff : diff + (1 << category) - 1, category);
                        }
                    }

                    if (ac)
                    {
                        bits.Write(0, 1); // End of block (baseline) or of band (progressive: EOB run of 1).
                    }
                }
            }
        }

        bits.Pad();
    }

    /// <summary>The quantized DC level of component <paramref name="c"/>: the sample minus 128 (DC = 8 x that, quantizer 8).</summary>
    private static int Level(byte[] values, int c, int count)
    {
        if (count == 3)
        {
            var (r, g, b) = (values[0], values[1], values[2]);
            var ycc = c switch
            {
                0 => (0.299 * r) + (0.587 * g) + (0.114 * b),
                1 => 128 - (0.168736 * r) - (0.331264 * g) + (0.5 * b),
                _ => 128 + (0.5 * r) - (0.418688 * g) - (0.081312 * b),
            };
            return (int)Math.Round(Math.Clamp(ycc, 0, 255)) - 128;
        }

        return values[c] - 128;
    }

    private static (int Code, int Length)[] Codes(byte[] counts, byte[] symbols)
    {
        var codes = new (int, int)[symbols.Max() + 1];
        var (code, k) = (0, 0);
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++)
            {
                codes[symbols[k++]] = (code++, length);
            }

            code <<= 1;
        }

        return codes;
    }

    private static void Marker(Stream output, byte marker) => output.Write([0xFF, marker]);

    private static void Segment(Stream output, byte marker, byte[] payload)
    {
        Marker(output, marker);
        output.Write([(byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        output.Write(payload);
    }

    /// <summary>Entropy-coded bits, most significant first, with 0xFF bytes stuffed and the last byte padded with ones.</summary>
    private sealed class BitWriter(Stream output)
    {
        private int _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _buffer = (_buffer << 1) | ((value >> i) & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        public void Pad()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            output.WriteByte((byte)_buffer);
            if (_buffer == 0xFF)
            {
                output.WriteByte(0);
            }

            (_buffer, _count) = (0, 0);
        }
    }
}
