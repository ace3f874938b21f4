using LandUse.Synthetic.Randomness;
using LandUse.Synthetic.Tiles;

namespace LandUse.Synthetic.County;

/// <summary>
/// Lays out a county with coherent land cover (a town core, farm belts, woods, meadows, scrub and bare ground)
/// and grows the town between the two years, so every tile's truth in both years is known.
/// </summary>
public static class CountyPlanner
{
    /// <summary>Largest side accepted, to keep a mistyped size from filling the disk.</summary>
    public const int MaxSide = 2000;

    public static CountyPlan Plan(int rows, int cols, int seed)
    {
        Validate(rows, cols);
        var r = new TileRandom(SeedMixer.Derive(seed, 0xC0047));
        var first = Lay(rows, cols, r);
        var second = Grow(first, r);
        return new CountyPlan(seed, first, second);
    }

    /// <summary>Throws with a message naming the bad size.</summary>
    public static void Validate(int rows, int cols)
    {
        if (rows < 1 || rows > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"rows must be between 1 and {MaxSide}.");
        }

        if (cols < 1 || cols > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(cols), cols, $"cols must be between 1 and {MaxSide}.");
        }
    }

    private static TileClass[,] Lay(int rows, int cols, TileRandom r)
    {
        var side = Math.Max(rows, cols);
        var patch = Math.Max(2f, side / r.Range(4, 7));
        var fields = new (TileClass Cover, float Weight, ValueNoise Noise)[]
        {
            (TileClass.Forest, 1.0f, new ValueNoise(r.Fork(), side, patch)),
            (TileClass.Cultivated, 0.95f, new ValueNoise(r.Fork(), side, patch * 1.3f)),
            (TileClass.Herbaceous, 0.8f, new ValueNoise(r.Fork(), side, patch * 0.8f)),
            (TileClass.Shrub, 0.7f, new ValueNoise(r.Fork(), side, patch * 0.7f)),
            (TileClass.Barren, 0.6f, new ValueNoise(r.Fork(), side, patch * 0.6f)),
        };
        var edge = new ValueNoise(r.Fork(), side, Math.Max(1.5f, side / 10f));

        var towns = new List<(float Row, float Col, float Radius)>
        {
            (r.Range(0.3, 0.7) * rows, r.Range(0.3, 0.7) * cols, MathF.Sqrt(rows * cols) * r.Range(0.2, 0.28)),
        };
        for (var i = (rows * cols) / 400; i > 0; i--)
        {
            towns.Add((r.Range(0, rows), r.Range(0, cols), MathF.Sqrt(rows * cols) * r.Range(0.05, 0.1)));
        }

        var grid = new TileClass[rows, cols];
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < cols; col++)
            {
                var urban = towns.Max(t => 1f - (MathF.Sqrt(Square(row - t.Row) + Square(col - t.Col)) / Math.Max(0.75f, t.Radius)));
                if (urban + ((edge.At(row, col) - 0.5f) * 0.6f) > 0f)
                {
                    grid[row, col] = TileClass.Developed;
                    continue;
                }

                grid[row, col] = fields.MaxBy(f => f.Weight * f.Noise.At(row + 0.5f, col + 0.5f)).Cover;
            }
        }

        return grid;
    }

    /// <summary>Development spreads from the existing built-up edge, more readily onto open and farmed land.</summary>
    private static TileClass[,] Grow(TileClass[,] first, TileRandom r)
    {
        var grid = (TileClass[,])first.Clone();
        var rows = grid.GetLength(0);
        var cols = grid.GetLength(1);
        var pace = r.Range(0.12, 0.22);
        var changed = 0;
        for (var round = 0; round < 2; round++)
        {
            var snapshot = (TileClass[,])grid.Clone();
            (int Row, int Col, int Neighbours) best = (-1, -1, 0);
            for (var row = 0; row < rows; row++)
            {
                for (var col = 0; col < cols; col++)
                {
                    if (snapshot[row, col] == TileClass.Developed)
                    {
                        continue;
                    }

                    var neighbours = DevelopedNeighbours(snapshot, row, col);
                    if (neighbours == 0)
                    {
                        continue;
                    }

                    if (neighbours > best.Neighbours)
                    {
                        best = (row, col, neighbours);
                    }

                    if (r.Chance(pace * Ease(snapshot[row, col]) * Math.Min(1f, neighbours / 3f)))
                    {
                        grid[row, col] = TileClass.Developed;
                        changed++;
                    }
                }
            }

            if (round == 1 && changed == 0 && best.Row >= 0)
            {
                // Small grids: make sure the county does grow whenever it can.
                grid[best.Row, best.Col] = TileClass.Developed;
            }
        }

        return grid;
    }

    private static float Ease(TileClass cover) => cover switch
    {
        TileClass.Cultivated => 1.4f,
        TileClass.Herbaceous => 1.3f,
        TileClass.Shrub => 1.0f,
        TileClass.Forest => 0.7f,
        _ => 0.5f,
    };

    private static int DevelopedNeighbours(TileClass[,] grid, int row, int col)
    {
        var n = 0;
        for (var dr = -1; dr <= 1; dr++)
        {
            for (var dc = -1; dc <= 1; dc++)
            {
                var rr = row + dr;
                var cc = col + dc;
                if ((dr != 0 || dc != 0) && rr >= 0 && cc >= 0 && rr < grid.GetLength(0) && cc < grid.GetLength(1)
                    && grid[rr, cc] == TileClass.Developed)
                {
                    n++;
                }
            }
        }

        return n;
    }

    private static float Square(float v) => v * v;
}
