using System.Buffers.Binary;

namespace LandUse.Scoring.Imaging;

/// <summary>
/// What a PNG or JPEG header says about how the image must be decoded, read from the bytes before any pixel is: whether
/// its decoder has to hold the whole image at once (an interlaced PNG, a progressive or multi-scan JPEG).
/// </summary>
internal readonly record struct ImageHeader(bool NeedsWholeImage, string Layout)
{
    private static readonly ImageHeader Unknown = new(true, "an image whose layout could not be read");

    /// <summary>Reads the layout of a PNG (IHDR interlace byte) or a JPEG (frame type and first scan's components).</summary>
    public static ImageHeader Read(ReadOnlySpan<byte> content, bool png) => png ? Png(content) : Jpeg(content);

    private static ImageHeader Png(ReadOnlySpan<byte> content)
    {
        // Signature (8), IHDR length and type (8), width, height, depth, colour type, compression, filter, interlace.
        const int interlace = 8 + 8 + 12;
        if (content.Length <= interlace)
        {
            return Unknown;
        }

        return content[interlace] == 0 ? new(false, "a non-interlaced PNG") : new(true, "an interlaced (Adam7) PNG");
    }

    private static ImageHeader Jpeg(ReadOnlySpan<byte> content)
    {
        var position = 2;
        var progressive = false;
        var components = 0;
        while (position + 4 <= content.Length)
        {
            if (content[position] != 0xFF)
            {
                return Unknown;
            }

            var marker = content[position + 1];
            if (marker == 0xFF)
            {
                position++; // Fill byte.
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(content[(position + 2)..]);
            var segment = content.Slice(position + 4, Math.Max(0, Math.Min(length - 2, content.Length - position - 4)));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && segment.Length >= 6)
            {
                // SOFn: 0xC2, 0xC6, 0xCA and 0xCE are the progressive frame types.
                progressive = marker is 0xC2 or 0xC6 or 0xCA or 0xCE;
                components = segment[5];
            }
            else if (marker == 0xDA && segment.Length >= 1)
            {
                if (progressive)
                {
                    return new(true, "a progressive JPEG");
                }

                // A first scan with fewer components than the frame means several scans: libjpeg buffers the whole image.
                return segment[0] < components ? new(true, "a multi-scan JPEG") : new(false, "a baseline JPEG");
            }

            position += 2 + length;
        }

        return Unknown;
    }
}
