using SkiaSharp;

namespace LandUse.Geo.Tests.Support;

/// <summary>Reads a PNG tile back for pixel checks.</summary>
public static class Png
{
    public static SKBitmap Read(string path) =>
        SKBitmap.Decode(path) ?? throw new InvalidOperationException($"{path} is not a decodable image.");

    public static (byte R, byte G, byte B) Pixel(SKBitmap bitmap, int x, int y)
    {
        var c = bitmap.GetPixel(x, y);
        return (c.Red, c.Green, c.Blue);
    }
}
