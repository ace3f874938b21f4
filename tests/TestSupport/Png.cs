using System.Buffers.Binary;
using SkiaSharp;
using Xunit;

namespace LandUse.TestSupport;

/// <summary>Reads what a PNG says about itself (IHDR) and its pixels, independently of the generator.</summary>
public static class Png
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Width, height, bit depth and colour type (2 = RGB) from the IHDR chunk.</summary>
    public static (int Width, int Height, int BitDepth, int ColorType) Header(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[24], png[25]);
    }

    /// <summary>Per-channel mean and standard deviation of the decoded pixels, in [0, 1]: the colour-only features.</summary>
    public static float[] ColourStatistics(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        var pixels = rgba.GetPixelSpan();
        var sums = new double[3];
        var squares = new double[3];
        for (var i = 0; i < pixels.Length; i += 4)
        {
            for (var c = 0; c < 3; c++)
            {
                var v = pixels[i + c] / 255.0;
                sums[c] += v;
                squares[c] += v * v;
            }
        }

        var n = pixels.Length / 4;
        var features = new float[6];
        for (var c = 0; c < 3; c++)
        {
            var mean = sums[c] / n;
            features[c] = (float)mean;
            features[3 + c] = (float)Math.Sqrt(Math.Max(0, (squares[c] / n) - (mean * mean)));
        }

        return features;
    }
}
