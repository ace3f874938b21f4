namespace LandUse.Synthetic.Tiles.Painters;

/// <summary>Sparse bushes, often clumped, scattered over dry ground with a track now and then.</summary>
internal static class ShrubPainter
{
    public static void Paint(Scene scene)
    {
        var r = scene.Random;
        var ground = Palette.DryGround(r);
        scene.Canvas.Clear(ground);
        Shapes.NoiseLayer(scene, r.Range(25, 70), Palette.Shade(ground, 0.85f), Palette.Shade(ground, 1.12f), 0.9f);
        Shapes.NoiseLayer(scene, r.Range(4, 9), Palette.Shade(ground, 0.9f), Palette.Shade(ground, 1.08f), 0.6f);
        if (r.Chance(0.5))
        {
            // Patches of dry grass between the bushes.
            Shapes.NoiseLayer(scene, r.Range(10, 25), ground, Palette.Grass(r), r.Range(0.2, 0.5));
        }

        if (r.Chance(0.3))
        {
            Shapes.Wander(scene, scene.RandomPoint(), r.Range(0, 6.3), 400, r.Range(1.5, 3.5), 0.15f, Palette.Shade(ground, 1.2f));
        }

        var bush = Palette.Shade(Palette.Jitter(r, Palette.Canopy(r), 5f, 0.12f, 0.05f), r.Range(0.7, 1.0));
        var meanRadius = r.Range(1.6, 4.2);
        var coverage = r.Range(0.06, 0.35);
        var count = (int)(coverage * scene.Area / (MathF.PI * meanRadius * meanRadius));
        var clumps = new ValueNoise(r.Fork(), MathF.Max(scene.Ground.Width, scene.Ground.Height), r.Range(20, 60));
        var clumpiness = r.Range(0, 1);
        var left = scene.Ground.Left;
        var top = scene.Ground.Top;
        for (var placed = 0; placed < count * 4 && count > 0; placed++)
        {
            var at = scene.RandomPoint();
            var keep = (1f - clumpiness) + (clumpiness * clumps.At(at.X - left, at.Y - top) * 1.6f);
            if (!r.Chance(keep * 0.25))
            {
                continue;
            }

            var radius = meanRadius * MathF.Max(0.35f, 1f + (r.Normal() * 0.35f));
            Shapes.Bush(scene, at, radius, Palette.Jitter(r, bush, 8f, 0.08f, 0.15f));
        }

        scene.Grain = r.Range(2, 6);
    }
}
