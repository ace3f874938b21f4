using SkiaSharp;

namespace LandUse.Analysis.Maps;

/// <summary>Draws one square of <c>scale</c> × <c>scale</c> pixels per tile and encodes the result as PNG with SkiaSharp.</summary>
public static class PixelMap
{
    /// <summary>The largest side a map is scaled up to by default (pixels).</summary>
    public const int TargetSide = 480;

    /// <summary>Integer scale so the longer side of a rows × cols map is about <see cref="TargetSide"/> pixels (1 to 16).</summary>
    public static int AutoScale(int rows, int cols) => Math.Clamp(TargetSide / Math.Max(1, Math.Max(rows, cols)), 1, 16);

    /// <summary>Renders a rows × cols map; <paramref name="colorAt"/> gives each cell's colour. An empty grid gives one grey pixel.</summary>
    public static byte[] Render(int rows, int cols, int scale, Func<int, int, SKColor> colorAt)
    {
        ArgumentNullException.ThrowIfNull(colorAt);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var empty = rows == 0 || cols == 0;
        var width = empty ? scale : checked(cols * scale);
        var height = empty ? scale : checked(rows * scale);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(MapColors.Missing);
            using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    paint.Color = colorAt(r, c);
                    canvas.DrawRect(c * scale, r * scale, scale, scale, paint);
                }
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
