using SkiaSharp;

namespace LandUse.Scoring.Tests.Support;

/// <summary>Encodes small test images with SkiaSharp.</summary>
internal static class Images
{
    public static byte[] SolidPng(int width, int height, byte r, byte g, byte b) => Encode(width, height, (_, _) => (r, g, b, 255), SKEncodedImageFormat.Png);

    public static byte[] Encode(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel, SKEncodedImageFormat format, int quality = 100)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var span = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                var i = (y * bitmap.RowBytes) + (x * 4);
                (span[i], span[i + 1], span[i + 2], span[i + 3]) = (r, g, b, a);
            }
        }

        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] GrayPng(int width, int height, Func<int, int, byte> value)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        var span = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                span[(y * bitmap.RowBytes) + x] = value(x, y);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
