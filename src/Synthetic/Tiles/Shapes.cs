using LandUse.Synthetic.Randomness;
using SkiaSharp;

namespace LandUse.Synthetic.Tiles;

/// <summary>Drawing primitives the painters share: tree crowns, irregular blobs, noise layers, shaded boxes.</summary>
internal static class Shapes
{
    /// <summary>A round tree crown: cast shadow, body, and a lit side toward the sun.</summary>
    public static void Crown(Scene scene, SKPoint at, float radius, SKColor color, float shadowStrength)
    {
        var canvas = scene.Canvas;
        var dir = scene.ShadowDirection;
        var paint = scene.Fill;
        paint.Color = new SKColor(0, 0, 0, (byte)(Math.Clamp(shadowStrength, 0f, 1f) * 200f));
        canvas.DrawCircle(at.X + (dir.X * radius * 0.7f), at.Y + (dir.Y * radius * 0.7f), radius * 1.05f, paint);
        paint.Color = Palette.Shade(color, 0.8f);
        canvas.DrawCircle(at, radius, paint);
        paint.Color = Palette.Shade(color, 1.15f);
        canvas.DrawCircle(at.X - (dir.X * radius * 0.3f), at.Y - (dir.Y * radius * 0.3f), radius * 0.55f, paint);
    }

    /// <summary>An irregular closed blob around a point (bushes, patches, clearings, outcrops).</summary>
    public static SKPath Blob(TileRandom random, SKPoint at, float radius, float roughness)
    {
        using var builder = new SKPathBuilder();
        var n = random.Int(7, 12);
        var phase = random.Range(0, Math.PI * 2);
        for (var i = 0; i < n; i++)
        {
            var a = phase + (i * Math.PI * 2 / n);
            var r = radius * (1f + (random.Range(-1, 1) * roughness));
            var p = new SKPoint(at.X + (float)(Math.Cos(a) * r), at.Y + (float)(Math.Sin(a) * r));
            if (i == 0)
            {
                builder.MoveTo(p);
            }
            else
            {
                builder.LineTo(p);
            }
        }

        builder.Close();
        return builder.Detach();
    }

    public static void FillBlob(Scene scene, SKPoint at, float radius, float roughness, SKColor color)
    {
        using var path = Blob(scene.Random, at, radius, roughness);
        scene.Fill.Color = color;
        scene.Canvas.DrawPath(path, scene.Fill);
    }

    /// <summary>A bush or shrub: small blob with a soft shadow.</summary>
    public static void Bush(Scene scene, SKPoint at, float radius, SKColor color)
    {
        var dir = scene.ShadowDirection;
        var shadowAt = new SKPoint(at.X + (dir.X * radius * 0.8f), at.Y + (dir.Y * radius * 0.8f));
        FillBlob(scene, shadowAt, radius, 0.3f, new SKColor(0, 0, 0, 110));
        FillBlob(scene, at, radius, 0.35f, color);
        FillBlob(scene, new SKPoint(at.X - (dir.X * radius * 0.3f), at.Y - (dir.Y * radius * 0.3f)), radius * 0.5f, 0.3f, Palette.Shade(color, 1.2f));
    }

    /// <summary>
    /// Smooth noise between two colours over the whole ground: a small random bitmap drawn scaled up with
    /// linear filtering, so it rotates and scales with everything else.
    /// </summary>
    public static void NoiseLayer(Scene scene, float cellSize, SKColor low, SKColor high, float opacity)
    {
        var ground = scene.Ground;
        var w = Math.Max(2, (int)Math.Ceiling(ground.Width / cellSize) + 1);
        var h = Math.Max(2, (int)Math.Ceiling(ground.Height / cellSize) + 1);
        var pixels = new byte[w * h * 4];
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var c = Palette.Mix(low, high, (float)scene.Random.NextDouble());
            pixels[i] = c.Red;
            pixels[i + 1] = c.Green;
            pixels[i + 2] = c.Blue;
            pixels[i + 3] = 255;
        }

        using var image = SKImage.FromPixelCopy(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque), pixels);
        using var paint = new SKPaint { Color = SKColors.White.WithAlpha((byte)(Math.Clamp(opacity, 0f, 1f) * 255f)) };
        var dest = new SKRect(ground.Left, ground.Top, ground.Left + (w * cellSize), ground.Top + (h * cellSize));
        scene.Canvas.DrawImage(image, dest, new SKSamplingOptions(SKFilterMode.Linear), paint);
    }

    /// <summary>A rectangle rotated about its centre, with a cast shadow (buildings).</summary>
    public static void Box(Scene scene, SKPoint centre, float width, float height, float angleDegrees, SKColor color, float shadowLength)
    {
        var canvas = scene.Canvas;
        var dir = scene.ShadowDirection;
        var paint = scene.Fill;
        var rect = new SKRect(-width / 2, -height / 2, width / 2, height / 2);

        canvas.Save();
        canvas.Translate(centre.X + (dir.X * shadowLength), centre.Y + (dir.Y * shadowLength));
        canvas.RotateDegrees(angleDegrees);
        paint.Color = new SKColor(0, 0, 0, 150);
        canvas.DrawRect(rect, paint);
        canvas.Restore();

        canvas.Save();
        canvas.Translate(centre.X, centre.Y);
        canvas.RotateDegrees(angleDegrees);
        paint.Color = color;
        canvas.DrawRect(rect, paint);
        canvas.Restore();
    }

    /// <summary>A stroked polyline that wanders (tracks, gullies, streams).</summary>
    public static void Wander(Scene scene, SKPoint from, float heading, float length, float width, float wiggle, SKColor color)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(from);
        var p = from;
        var step = 6f;
        for (var travelled = 0f; travelled < length; travelled += step)
        {
            heading += scene.Random.Normal() * wiggle;
            p = new SKPoint(p.X + (MathF.Cos(heading) * step), p.Y + (MathF.Sin(heading) * step));
            builder.LineTo(p);
        }

        using var path = builder.Detach();
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = width,
            Color = color,
            StrokeCap = SKStrokeCap.Round,
            StrokeJoin = SKStrokeJoin.Round,
        };
        scene.Canvas.DrawPath(path, paint);
    }
}
