using LandUse.Synthetic.Tiles;

namespace LandUse.Synthetic.County;

/// <summary>The known truth of a synthetic county: every cell's class in both years and the list of changes.</summary>
public sealed class CountyPlan
{
    /// <summary>The earlier imagery year.</summary>
    public const int FirstYear = 2010;

    /// <summary>The later imagery year, after development spread.</summary>
    public const int SecondYear = 2016;

    private readonly TileClass[,] first;
    private readonly TileClass[,] second;

    internal CountyPlan(int seed, TileClass[,] first, TileClass[,] second)
    {
        Seed = seed;
        this.first = first;
        this.second = second;
        Rows = first.GetLength(0);
        Cols = first.GetLength(1);
        var changes = new List<CountyChange>();
        for (var row = 0; row < Rows; row++)
        {
            for (var col = 0; col < Cols; col++)
            {
                if (first[row, col] != second[row, col])
                {
                    changes.Add(new CountyChange(TileId(row, col), row, col, first[row, col], second[row, col]));
                }
            }
        }

        Changes = changes;
    }

    public static IReadOnlyList<int> Years { get; } = [FirstYear, SecondYear];

    public int Seed { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Cells whose class changed between the years, in row-major order.</summary>
    public IReadOnlyList<CountyChange> Changes { get; }

    /// <summary>The tile id used for file names and tiles.csv: <c>r&lt;row&gt;_c&lt;col&gt;</c>, zero-padded to 4 digits.</summary>
    public static string TileId(int row, int col) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"r{row:D4}_c{col:D4}");

    /// <summary>True class of a cell in a year.</summary>
    public TileClass At(int year, int row, int col) => Grid(year)[row, col];

    /// <summary>All cells of a year in row-major order.</summary>
    public IReadOnlyList<CountyTile> TilesOf(int year)
    {
        var grid = Grid(year);
        var tiles = new List<CountyTile>(Rows * Cols);
        for (var row = 0; row < Rows; row++)
        {
            for (var col = 0; col < Cols; col++)
            {
                tiles.Add(new CountyTile(TileId(row, col), row, col, grid[row, col]));
            }
        }

        return tiles;
    }

    /// <summary>How many cells of a year have the class.</summary>
    public int Count(int year, TileClass cover)
    {
        var grid = Grid(year);
        var n = 0;
        foreach (var c in grid)
        {
            n += c == cover ? 1 : 0;
        }

        return n;
    }

    private TileClass[,] Grid(int year) => year switch
    {
        FirstYear => first,
        SecondYear => second,
        _ => throw new ArgumentOutOfRangeException(nameof(year), year, $"A county has the years {FirstYear} and {SecondYear} only."),
    };
}
