using LandUse.Scoring.Imaging;

namespace LandUse.Geo.Tiling;

/// <summary>Encodes a square of packed RGB pixels as an opaque RGB PNG (the tile format the scorer decodes).</summary>
internal static class PngTile
{
    public static byte[] Encode(ReadOnlySpan<byte> rgb, int size)
    {
        var rgba = new byte[size * size * 4];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            rgba[j] = rgb[i];
            rgba[j + 1] = rgb[i + 1];
            rgba[j + 2] = rgb[i + 2];
            rgba[j + 3] = 255;
        }

        return PngEncoder.EncodeRgba(rgba, size, size, zlibLevel: 6);
    }
}
