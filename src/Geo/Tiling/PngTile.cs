using System.Runtime.InteropServices;
using SkiaSharp;

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

        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Avg, 6))
                ?? throw new InvalidOperationException("SkiaSharp could not encode the tile as PNG.");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }
}
