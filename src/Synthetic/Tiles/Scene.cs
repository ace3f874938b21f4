using LandUse.Synthetic.Randomness;
using SkiaSharp;

namespace LandUse.Synthetic.Tiles;

/// <summary>What a painter draws on: the canvas in ground coordinates, the visible ground area and the sun.</summary>
internal sealed class Scene : IDisposable
{
    private const float Margin = 12f;
    private readonly SKMatrix toGround;

    /// <param name="canvas">Canvas whose current matrix maps ground coordinates onto the tile.</param>
    /// <param name="random">The painter's own random source.</param>
    /// <param name="tileSize">Tile side in pixels.</param>
    /// <param name="sunAngle">Direction shadows fall, radians.</param>
    public Scene(SKCanvas canvas, TileRandom random, int tileSize, float sunAngle)
    {
        Canvas = canvas;
        Random = random;
        TileSize = tileSize;
        ShadowDirection = new SKPoint(MathF.Cos(sunAngle), MathF.Sin(sunAngle));
        var toTile = canvas.TotalMatrix;
        if (!toTile.TryInvert(out toGround))
        {
            throw new InvalidOperationException("The tile transform cannot be inverted.");
        }

        var screen = SKRect.Create(-Margin, -Margin, tileSize + (2 * Margin), tileSize + (2 * Margin));
        Ground = toGround.MapRect(screen);
        var scale = MathF.Sqrt(MathF.Abs(toTile.ScaleX * toTile.ScaleY - (toTile.SkewX * toTile.SkewY)));
        Area = screen.Width * screen.Height / (scale * scale);
    }

    public SKCanvas Canvas { get; }

    public TileRandom Random { get; }

    public int TileSize { get; }

    /// <summary>Ground-space bounding box of the whole (rotated, scaled) tile, with a margin.</summary>
    public SKRect Ground { get; }

    /// <summary>Ground area actually visible in the tile (with margin), for densities.</summary>
    public float Area { get; }

    /// <summary>Unit vector pointing away from the sun, the way shadows fall.</summary>
    public SKPoint ShadowDirection { get; }

    /// <summary>One reusable fill paint (antialiased), so drawing thousands of crowns does not allocate.</summary>
    public SKPaint Fill { get; } = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    /// <summary>Extra per-pixel grain the painter asks the finishing pass for (rough surfaces).</summary>
    public float Grain { get; set; }

    /// <summary>A uniformly random ground point that falls inside the visible tile (with margin).</summary>
    public SKPoint RandomPoint()
    {
        var x = Random.Range(-Margin, TileSize + Margin);
        var y = Random.Range(-Margin, TileSize + Margin);
        return toGround.MapPoint(x, y);
    }

    public void Dispose() => Fill.Dispose();
}
