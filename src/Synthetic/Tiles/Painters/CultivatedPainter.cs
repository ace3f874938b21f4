using SkiaSharp;

namespace LandUse.Synthetic.Tiles.Painters;

/// <summary>Fields of crop rows or tilled strips in various pitches and directions, split by tracks and hedgerows.</summary>
internal static class CultivatedPainter
{
    public static void Paint(Scene scene)
    {
        var r = scene.Random;
        var g = scene.Ground;
        var xs = Cuts(scene, g.Left, g.Right);
        var ys = Cuts(scene, g.Top, g.Bottom);
        var fields = new List<SKRect>();
        for (var i = 0; i + 1 < xs.Count; i++)
        {
            for (var j = 0; j + 1 < ys.Count; j++)
            {
                fields.Add(new SKRect(xs[i], ys[j], xs[i + 1], ys[j + 1]));
            }
        }

        foreach (var field in fields)
        {
            PaintField(scene, field);
        }

        PaintBoundaries(scene, xs, ys);
        scene.Grain = r.Range(1, 5);
    }

    private static List<float> Cuts(Scene scene, float from, float to)
    {
        var r = scene.Random;
        var cuts = new List<float> { from };
        var at = from + r.Range(40, 200);
        while (at < to - 30)
        {
            cuts.Add(at);
            at += r.Range(70, 260);
        }

        cuts.Add(to);
        return cuts;
    }

    private static void PaintField(Scene scene, SKRect field)
    {
        var r = scene.Random;
        var canvas = scene.Canvas;
        var kind = r.Int(0, 3);
        var color = kind switch
        {
            0 => Palette.Grass(r),
            1 => Palette.Draw(r, (35f, 58f), (0.3f, 0.6f), (0.5f, 0.82f)),
            _ => Palette.Soil(r),
        };

        canvas.Save();
        canvas.ClipRect(field);
        canvas.Clear(color);
        Shapes.NoiseLayer(scene, r.Range(25, 80), Palette.Shade(color, 0.88f), Palette.Shade(color, 1.1f), 0.8f);

        var pitch = r.Range(2.4, 9);
        var lineWidth = pitch * r.Range(0.3, 0.6);
        var stripe = Palette.Shade(Palette.Jitter(r, color, 6f, 0.06f, 0.05f), r.Chance(0.75) ? r.Range(0.62, 0.85) : r.Range(1.15, 1.35));
        var angle = r.Chance(0.85) ? (r.Chance(0.5) ? 0f : 90f) : r.Range(-40, 40);
        var centre = new SKPoint(field.MidX, field.MidY);
        var reach = (field.Width + field.Height) / 2f + 10f;
        canvas.Save();
        canvas.Translate(centre.X, centre.Y);
        canvas.RotateDegrees(angle);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = lineWidth, Color = stripe };
        for (var offset = -reach; offset < reach; offset += pitch)
        {
            canvas.DrawLine(-reach, offset, reach, offset, paint);
        }

        canvas.Restore();

        if (r.Chance(0.4))
        {
            // Bare or wet patches inside the field.
            var soil = Palette.WithAlpha(Palette.Soil(r), r.Range(0.4, 0.8));
            for (var i = r.Int(1, 4); i > 0; i--)
            {
                Shapes.FillBlob(scene, new SKPoint(r.Range(field.Left, field.Right), r.Range(field.Top, field.Bottom)), r.Range(6, 25), 0.45f, soil);
            }
        }

        if (r.Chance(0.3))
        {
            // Tractor turn lines along the headland.
            using var headland = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = r.Range(2, 5), Color = Palette.Shade(color, 1.15f) };
            var inset = r.Range(3, 8);
            canvas.DrawRect(SKRect.Inflate(field, -inset, -inset), headland);
        }

        canvas.Restore();
    }

    private static void PaintBoundaries(Scene scene, List<float> xs, List<float> ys)
    {
        var r = scene.Random;
        var g = scene.Ground;
        var hedge = r.Chance(0.5);
        var canopy = Palette.Canopy(r);
        var track = Palette.Shade(Palette.Soil(r), r.Range(0.9, 1.3));
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = r.Range(1.5, 4), Color = track };
        var lines = new List<(SKPoint A, SKPoint B)>();
        lines.AddRange(xs.Skip(1).SkipLast(1).Select(x => (new SKPoint(x, g.Top), new SKPoint(x, g.Bottom))));
        lines.AddRange(ys.Skip(1).SkipLast(1).Select(y => (new SKPoint(g.Left, y), new SKPoint(g.Right, y))));
        foreach (var (a, b) in lines)
        {
            if (!hedge)
            {
                scene.Canvas.DrawLine(a, b, paint);
                continue;
            }

            var length = SKPoint.Distance(a, b);
            for (var t = 0f; t < length; t += r.Range(2, 9))
            {
                var p = new SKPoint(a.X + ((b.X - a.X) * t / length), a.Y + ((b.Y - a.Y) * t / length));
                Shapes.Crown(scene, p, r.Range(1.8, 4.5), Palette.Jitter(r, canopy, 6f, 0.06f, 0.12f), 0.5f);
            }
        }
    }
}
