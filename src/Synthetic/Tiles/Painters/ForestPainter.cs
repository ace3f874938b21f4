using SkiaSharp;

namespace LandUse.Synthetic.Tiles.Painters;

/// <summary>Dense canopy: many overlapping round crowns with shadows, mixed conifers, the odd clearing.</summary>
internal static class ForestPainter
{
    public static void Paint(Scene scene)
    {
        var r = scene.Random;
        var canopy = Palette.Canopy(r);
        var gap = Palette.Shade(Palette.Jitter(r, canopy, 10, 0.1f, 0.1f), r.Range(0.25, 0.5));
        scene.Canvas.Clear(gap);
        Shapes.NoiseLayer(scene, r.Range(20, 60), Palette.Shade(gap, 0.7f), Palette.Shade(canopy, 0.8f), 0.8f);

        var clearings = new List<(SKPoint At, float Radius)>();
        if (r.Chance(0.3))
        {
            var ground = r.Chance(0.5) ? Palette.Grass(r) : Palette.Soil(r);
            for (var i = r.Int(1, 3); i > 0; i--)
            {
                var at = scene.RandomPoint();
                var radius = r.Range(10, 35);
                Shapes.FillBlob(scene, at, radius, 0.4f, ground);
                clearings.Add((at, radius));
            }
        }

        var meanRadius = r.Range(3.4, 7.0);
        var conifers = r.Range(0, 1);
        var coverage = r.Range(1.2, 1.9);
        var spread = r.Range(0.05, 0.14);
        var count = (int)(coverage * scene.Area / (MathF.PI * meanRadius * meanRadius));
        var shadow = r.Range(0.35, 0.8);
        for (var i = 0; i < count; i++)
        {
            var at = scene.RandomPoint();
            if (clearings.Any(c => SKPoint.Distance(c.At, at) < c.Radius * 0.85f))
            {
                continue;
            }

            var conifer = r.Chance(conifers);
            var radius = meanRadius * (conifer ? 0.7f : 1f) * MathF.Max(0.4f, 1f + (r.Normal() * 0.25f));
            var color = Palette.Jitter(r, canopy, 7f, spread, spread);
            if (conifer)
            {
                color = Palette.Shade(color, 0.75f);
            }

            Shapes.Crown(scene, at, radius, color, shadow);
        }
    }
}
