using SkiaSharp;

namespace LandUse.Synthetic.Tiles.Painters;

/// <summary>Bare soil, rock or sand: grainy multi-scale noise, stones, outcrops and gullies, almost no plants.</summary>
internal static class BarrenPainter
{
    public static void Paint(Scene scene)
    {
        var r = scene.Random;
        var soil = Palette.Soil(r);
        scene.Canvas.Clear(soil);
        Shapes.NoiseLayer(scene, r.Range(30, 90), Palette.Shade(soil, 0.8f), Palette.Shade(soil, 1.18f), 1f);
        Shapes.NoiseLayer(scene, r.Range(6, 14), Palette.Shade(soil, 0.85f), Palette.Shade(soil, 1.12f), 0.7f);
        Shapes.NoiseLayer(scene, r.Range(1.5, 3), Palette.Shade(soil, 0.82f), Palette.Shade(soil, 1.15f), r.Range(0.4, 0.9));

        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        for (var i = r.Int(0, 6); i > 0; i--)
        {
            // Rock outcrops: a darker or lighter slab with a shadowed rim.
            var at = scene.RandomPoint();
            var radius = r.Range(6, 30);
            var tone = Palette.Shade(Palette.Jitter(r, soil, 6, 0.05f, 0.05f), r.Chance(0.5) ? r.Range(0.6, 0.85) : r.Range(1.1, 1.3));
            Shapes.FillBlob(scene, new SKPoint(at.X + (scene.ShadowDirection.X * 2), at.Y + (scene.ShadowDirection.Y * 2)), radius, 0.45f, new SKColor(0, 0, 0, 90));
            Shapes.FillBlob(scene, at, radius, 0.45f, tone);
        }

        for (var i = r.Int(0, 5); i > 0; i--)
        {
            Shapes.Wander(scene, scene.RandomPoint(), r.Range(0, 6.3), r.Range(40, 250), r.Range(0.8, 2.2), 0.35f, Palette.WithAlpha(Palette.Shade(soil, 0.55f), 0.7f));
        }

        var stones = (int)(scene.Area * r.Range(0.001, 0.012));
        var dir = scene.ShadowDirection;
        for (var i = 0; i < stones; i++)
        {
            var at = scene.RandomPoint();
            var radius = r.Range(0.5, 1.8);
            paint.Color = new SKColor(0, 0, 0, 120);
            scene.Canvas.DrawCircle(at.X + (dir.X * radius * 0.8f), at.Y + (dir.Y * radius * 0.8f), radius, paint);
            paint.Color = Palette.Shade(soil, r.Range(0.7, 1.35));
            scene.Canvas.DrawCircle(at, radius, paint);
        }

        var bush = Palette.Canopy(r);
        for (var i = r.Chance(0.4) ? r.Int(1, 6) : 0; i > 0; i--)
        {
            Shapes.Bush(scene, scene.RandomPoint(), r.Range(1.5, 3), bush);
        }

        scene.Grain = r.Range(4, 12);
    }
}
