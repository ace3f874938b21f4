using LandUse.Synthetic.Randomness;

namespace LandUse.Synthetic.Tiles;

/// <summary>Smooth value noise on a random lattice: the cheap source of patchy, low-frequency variation.</summary>
internal sealed class ValueNoise
{
    private readonly float[] lattice;
    private readonly int cells;
    private readonly float cellSize;

    /// <param name="random">Source of lattice values.</param>
    /// <param name="extent">Side of the square area (pixels) the noise covers.</param>
    /// <param name="cellSize">Lattice spacing in pixels: larger is smoother.</param>
    public ValueNoise(TileRandom random, float extent, float cellSize)
    {
        ArgumentNullException.ThrowIfNull(random);
        this.cellSize = Math.Max(1f, cellSize);
        cells = (int)Math.Ceiling(extent / this.cellSize) + 2;
        lattice = new float[cells * cells];
        for (var i = 0; i < lattice.Length; i++)
        {
            lattice[i] = (float)random.NextDouble();
        }
    }

    /// <summary>Value in [0, 1] at a point in [0, extent).</summary>
    public float At(float x, float y)
    {
        var gx = Math.Clamp(x / cellSize, 0f, cells - 1.001f);
        var gy = Math.Clamp(y / cellSize, 0f, cells - 1.001f);
        var ix = (int)gx;
        var iy = (int)gy;
        var fx = Smooth(gx - ix);
        var fy = Smooth(gy - iy);
        var ix1 = Math.Min(ix + 1, cells - 1);
        var iy1 = Math.Min(iy + 1, cells - 1);
        var top = Lerp(lattice[(iy * cells) + ix], lattice[(iy * cells) + ix1], fx);
        var bottom = Lerp(lattice[(iy1 * cells) + ix], lattice[(iy1 * cells) + ix1], fx);
        return Lerp(top, bottom, fy);
    }

    private static float Smooth(float t) => t * t * (3f - (2f * t));

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}
