using SkiaSharp;

namespace LandUse.Synthetic.Tiles.Painters;

/// <summary>Built-up land: roads, rooftops with ridge shading, driveways, lawns and street trees, or flat roofs and parking.</summary>
internal static class DevelopedPainter
{
    public static void Paint(Scene scene)
    {
        var r = scene.Random;
        var lawn = Palette.Grass(r);
        scene.Canvas.Clear(lawn);
        Shapes.NoiseLayer(scene, r.Range(20, 60), Palette.Shade(lawn, 0.85f), Palette.Shade(lawn, 1.12f), 0.9f);
        if (r.Chance(0.35))
        {
            CommercialBlocks(scene);
        }
        else
        {
            Suburb(scene);
        }

        scene.Grain = r.Range(1, 5);
    }

    private static void Suburb(Scene scene)
    {
        var r = scene.Random;
        var g = scene.Ground;
        var asphalt = Palette.Pavement(r);
        var concrete = Palette.Shade(Palette.Pavement(r), 1.25f);
        var canopy = Palette.Canopy(r);
        var roadWidth = r.Range(5, 9);
        var spacing = r.Range(48, 85);
        var lotWidth = r.Range(18, 30);
        var setback = r.Range(7, 13);
        var houseW = r.Range(10, 18);
        var houseD = r.Range(8, 14);
        var occupancy = r.Range(0.55, 1.0);
        var roofs = Enumerable.Range(0, 3).Select(_ => Roof(r)).ToArray();
        using var road = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = roadWidth, Color = asphalt };
        using var drive = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = r.Range(2.5, 4), Color = concrete };

        var start = g.Top + r.Range(0, spacing);
        for (var y = start; y < g.Bottom; y += spacing)
        {
            scene.Canvas.DrawLine(g.Left, y, g.Right, y, road);
            foreach (var side in new[] { -1f, 1f })
            {
                for (var x = g.Left + r.Range(0, lotWidth); x < g.Right; x += lotWidth * r.Range(0.9, 1.1))
                {
                    if (!r.Chance(occupancy))
                    {
                        continue;
                    }

                    var houseY = y + (side * (setback + (houseD / 2) + (roadWidth / 2)));
                    var driveX = x + (houseW * 0.35f * (r.Chance(0.5) ? 1 : -1));
                    scene.Canvas.DrawLine(driveX, y, driveX, houseY, drive);
                    House(scene, new SKPoint(x, houseY), houseW * r.Range(0.85, 1.15), houseD * r.Range(0.85, 1.15), r.Normal() * 4f, r.Pick(roofs));
                    if (r.Chance(0.08))
                    {
                        Shapes.Box(scene, new SKPoint(x + r.Range(-4, 4), houseY + (side * (houseD + 3))), 4, 3, 0, Palette.Hsv(r.Range(180, 200), 0.5f, 0.75f), 0);
                    }
                }
            }
        }

        if (r.Chance(0.5))
        {
            // A cross street.
            var x = r.Range(g.Left, g.Right);
            scene.Canvas.DrawLine(x, g.Top, x, g.Bottom, road);
        }

        var trees = (int)(scene.Area * r.Range(0.0002, 0.003));
        for (var i = 0; i < trees; i++)
        {
            Shapes.Crown(scene, scene.RandomPoint(), r.Range(2.5, 6.5), Palette.Jitter(r, canopy, 7f, 0.08f, 0.15f), 0.6f);
        }
    }

    private static void CommercialBlocks(Scene scene)
    {
        var r = scene.Random;
        var g = scene.Ground;
        var asphalt = Palette.Pavement(r);
        var canopy = Palette.Canopy(r);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var marking = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, Color = new SKColor(235, 235, 230) };
        var block = r.Range(60, 110);
        for (var bx = g.Left; bx < g.Right; bx += block)
        {
            for (var by = g.Top; by < g.Bottom; by += block)
            {
                var lot = new SKRect(bx + 4, by + 4, bx + block - 4, by + block - 4);
                paint.Color = Palette.Jitter(r, asphalt, 5f, 0.02f, 0.08f);
                scene.Canvas.DrawRect(lot, paint);
                if (r.Chance(0.6))
                {
                    for (var sx = lot.Left + 3; sx < lot.Right - 3; sx += r.Range(2.6, 3.2))
                    {
                        scene.Canvas.DrawLine(sx, lot.Top + 2, sx, lot.Top + 7, marking);
                    }
                }

                var w = lot.Width * r.Range(0.35, 0.75);
                var h = lot.Height * r.Range(0.35, 0.75);
                var centre = new SKPoint(lot.MidX + r.Range(-5, 5), lot.MidY + r.Range(-5, 5));
                var roof = Palette.Shade(Palette.Pavement(r), r.Range(0.9, 1.4));
                Shapes.Box(scene, centre, w, h, 0, roof, r.Range(2, 5));
                paint.Color = Palette.Shade(roof, 0.75f);
                for (var k = r.Int(0, 8); k > 0; k--)
                {
                    scene.Canvas.DrawRect(SKRect.Create(centre.X + r.Range(-w / 2.5, w / 2.5), centre.Y + r.Range(-h / 2.5, h / 2.5), 2.5f, 2.5f), paint);
                }
            }
        }

        var trees = (int)(scene.Area * r.Range(0.0001, 0.0015));
        for (var i = 0; i < trees; i++)
        {
            Shapes.Crown(scene, scene.RandomPoint(), r.Range(2, 5), Palette.Jitter(r, canopy, 7f, 0.08f, 0.15f), 0.6f);
        }
    }

    private static SKColor Roof(Randomness.TileRandom r) => r.Int(0, 4) switch
    {
        0 => Palette.Draw(r, (0f, 360f), (0f, 0.1f), (0.25f, 0.5f)),
        1 => Palette.Draw(r, (0f, 360f), (0f, 0.08f), (0.6f, 0.9f)),
        2 => Palette.Draw(r, (5f, 30f), (0.25f, 0.55f), (0.3f, 0.6f)),
        _ => Palette.Draw(r, (190f, 230f), (0.05f, 0.25f), (0.35f, 0.6f)),
    };

    /// <summary>A gabled house: shadow, then two roof halves lit differently along the ridge.</summary>
    private static void House(Scene scene, SKPoint centre, float width, float depth, float angle, SKColor roof)
    {
        var r = scene.Random;
        Shapes.Box(scene, centre, width, depth, angle, roof, r.Range(1.5, 3.5));
        var canvas = scene.Canvas;
        canvas.Save();
        canvas.Translate(centre.X, centre.Y);
        canvas.RotateDegrees(angle);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = Palette.Shade(roof, r.Range(0.65, 0.85)) };
        canvas.DrawRect(new SKRect(-width / 2, 0, width / 2, depth / 2), paint);
        canvas.Restore();
    }
}
