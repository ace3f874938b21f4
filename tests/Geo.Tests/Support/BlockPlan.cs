using LandUse.Scoring.Labels;

namespace LandUse.Geo.Tests.Support;

/// <summary>What one tile-sized block of a synthetic scene holds.</summary>
public enum Block
{
    Barren,
    Forest,
    Shrub,
    Cultivated,
    Herbaceous,
    Developed,
    Water,
    Wetland,

    /// <summary>Left third Forest, the rest Developed, in both the scene colours and the NLCD codes.</summary>
    Mixed,

    /// <summary>All bands zero (no data).</summary>
    Empty,
}

/// <summary>A grid of blocks, each one tile of the scene: the ground truth a test checks tiles and labels against.</summary>
public sealed record BlockPlan(Block[,] Blocks)
{
    public int Rows => Blocks.GetLength(0);

    public int Cols => Blocks.GetLength(1);

    public Block this[int row, int col] => Blocks[row, col];

    /// <summary>A plan from one string per row, one letter per block: B F S C H D W(ater) L (wetland) M(ixed) . (empty).</summary>
    public static BlockPlan Parse(params string[] rows)
    {
        var blocks = new Block[rows.Length, rows[0].Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                blocks[r, c] = rows[r][c] switch
                {
                    'B' => Block.Barren,
                    'F' => Block.Forest,
                    'S' => Block.Shrub,
                    'C' => Block.Cultivated,
                    'H' => Block.Herbaceous,
                    'D' => Block.Developed,
                    'W' => Block.Water,
                    'L' => Block.Wetland,
                    'M' => Block.Mixed,
                    '.' => Block.Empty,
                    var other => throw new ArgumentException($"unknown block letter '{other}'"),
                };
            }
        }

        return new BlockPlan(blocks);
    }

    /// <summary>The class a block is, or null for water, wetland, mixed and empty blocks.</summary>
    public static LandCover? ClassOf(Block block) => block <= Block.Developed ? (LandCover)(int)block : null;

    /// <summary>The NLCD code at a point of a block; <paramref name="across"/> is the point's position across the block (0-1).</summary>
    public static byte NlcdCode(Block block, double across) => block switch
    {
        Block.Barren => 31,
        Block.Forest => 41,
        Block.Shrub => 52,
        Block.Cultivated => 82,
        Block.Herbaceous => 71,
        Block.Developed => 22,
        Block.Water => 11,
        Block.Wetland => 90,
        Block.Mixed => across < 1.0 / 3 ? (byte)41 : (byte)22,
        _ => 11,
    };

    /// <summary>Scene colour (R, G, B, NIR) of a block at a pixel, with a little deterministic texture.</summary>
    public static (byte R, byte G, byte B, byte Nir) Colour(Block block, int x, int y, double across)
    {
        var noise = (int)((((uint)((x * 73856093) ^ (y * 19349663)) % 23) - 11));
        (int R, int G, int B, int N) basis = block switch
        {
            Block.Barren => (190, 170, 150, 120),
            Block.Forest => (40, 90, 45, 200),
            Block.Shrub => (130, 120, 80, 150),
            Block.Cultivated => (210, 190, 100, 170),
            Block.Herbaceous => (120, 170, 90, 180),
            Block.Developed => (150, 150, 155, 90),
            Block.Water => (30, 50, 90, 20),
            Block.Wetland => (60, 90, 80, 110),
            Block.Mixed => across < 1.0 / 3 ? (40, 90, 45, 200) : (150, 150, 155, 90),
            _ => (0, 0, 0, 0),
        };
        if (block == Block.Empty)
        {
            return (0, 0, 0, 0);
        }

        static byte Clamp(int v) => (byte)Math.Clamp(v, 1, 255);
        return (Clamp(basis.R + noise), Clamp(basis.G + noise), Clamp(basis.B + noise), Clamp(basis.N + noise));
    }
}
