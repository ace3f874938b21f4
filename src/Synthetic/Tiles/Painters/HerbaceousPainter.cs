namespace LandUse.Synthetic.Tiles.Painters;

/// <summary>Grass and meadow: smooth low-frequency tone changes, soft patches, a lone tree or path at most.</summary>
internal static class HerbaceousPainter
{
    public static void Paint(Scene scene)
    {
        var r = scene.Random;
        var grass = Palette.Grass(r);
        var other = Palette.Jitter(r, grass, 15f, 0.12f, 0.18f);
        scene.Canvas.Clear(grass);
        Shapes.NoiseLayer(scene, r.Range(40, 110), Palette.Shade(grass, 0.82f), Palette.Shade(other, 1.15f), 1f);
        var mottle = r.Range(0.05, 0.2);
        Shapes.NoiseLayer(scene, r.Range(12, 30), Palette.Shade(grass, 1f - mottle), Palette.Shade(grass, 1f + mottle), 0.7f);
        Shapes.NoiseLayer(scene, r.Range(3, 6), Palette.Shade(grass, 0.94f), Palette.Shade(grass, 1.06f), 0.5f);
        if (r.Chance(0.4))
        {
            // Tussocks: many faint darker dots.
            var tussock = Palette.WithAlpha(Palette.Shade(grass, r.Range(0.7, 0.85)), r.Range(0.3, 0.7));
            for (var i = (int)(scene.Area * r.Range(0.003, 0.015)); i > 0; i--)
            {
                scene.Fill.Color = tussock;
                scene.Canvas.DrawCircle(scene.RandomPoint(), r.Range(0.8, 1.8), scene.Fill);
            }
        }

        for (var i = r.Int(0, 5); i > 0; i--)
        {
            Shapes.FillBlob(scene, scene.RandomPoint(), r.Range(12, 50), 0.35f, Palette.WithAlpha(Palette.Jitter(r, grass, 12f, 0.1f, 0.15f), r.Range(0.2, 0.5)));
        }

        if (r.Chance(0.25))
        {
            Shapes.Wander(scene, scene.RandomPoint(), r.Range(0, 6.3), 400, r.Range(1.5, 3), 0.1f, Palette.Soil(r));
        }

        if (r.Chance(0.2))
        {
            Shapes.FillBlob(scene, scene.RandomPoint(), r.Range(5, 14), 0.4f, Palette.WithAlpha(Palette.Soil(r), 0.8f));
        }

        var tree = Palette.Canopy(r);
        for (var i = r.Chance(0.45) ? r.Int(1, 5) : 0; i > 0; i--)
        {
            var at = scene.RandomPoint();
            if (r.Chance(0.5))
            {
                Shapes.Crown(scene, at, r.Range(2.5, 5.5), Palette.Jitter(r, tree, 6f, 0.05f, 0.1f), 0.6f);
            }
            else
            {
                Shapes.Bush(scene, at, r.Range(1.5, 3), Palette.Jitter(r, tree, 6f, 0.05f, 0.1f));
            }
        }

        scene.Grain = r.Range(0.5, 3);
    }
}
