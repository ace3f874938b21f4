using System.Globalization;
using System.Text.RegularExpressions;
using LandUse.Analysis.Runs;

namespace LandUse.Analysis.Grids;

/// <summary>
/// Where tiles sit on the grid: each tile's index row/col, or else its <c>r&lt;row&gt;_c&lt;col&gt;</c> id, relative to the
/// bounding box of the placed tiles. It holds only that box and two counts (no per-tile state), so a layout over millions of
/// tiles is a few numbers; tiles with no position cannot be mapped and are counted as unplaced.
/// </summary>
public sealed partial class TileLayout
{
    private TileLayout(int rowOrigin, int colOrigin, int rows, int cols, int placed, int unplaced)
    {
        RowOrigin = rowOrigin;
        ColOrigin = colOrigin;
        Rows = rows;
        Cols = cols;
        Placed = placed;
        Unplaced = unplaced;
    }

    /// <summary>The largest grid (rows × cols) laid out: 16 M cells, e.g. 4096 × 4096 tiles; sparse far-apart indices beyond it are an error.</summary>
    public const long MaxCells = 4096L * 4096L;

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>The index row shown as grid row 0.</summary>
    public int RowOrigin { get; }

    /// <summary>The index column shown as grid column 0.</summary>
    public int ColOrigin { get; }

    /// <summary>Tiles without a row/col in the index or in their id.</summary>
    public int Unplaced { get; }

    /// <summary>Tiles (or, for a comparison, cells) laid on the grid.</summary>
    public int Placed { get; }

    /// <summary>The layout of the tiles, in one pass over them.</summary>
    public static TileLayout From(IEnumerable<TileResult> tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var box = new TileBox();
        var unplaced = 0;
        foreach (var tile in tiles)
        {
            if (TryPosition(tile, out var row, out var col))
            {
                box.Add(row, col);
            }
            else
            {
                unplaced++;
            }
        }

        return Spanning(box, checked((int)box.Count), unplaced);
    }

    /// <summary>The layout over a bounding box already measured; throws <see cref="InvalidDataException"/> beyond <see cref="MaxCells"/>.</summary>
    public static TileLayout Spanning(TileBox box, int placed, int unplaced)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (box.Count == 0)
        {
            return new TileLayout(0, 0, 0, 0, placed, unplaced);
        }

        var rows = (long)box.MaxRow - box.MinRow + 1;
        var cols = (long)box.MaxCol - box.MinCol + 1;
        if (rows * cols > MaxCells)
        {
            throw new InvalidDataException(
                $"Tile grid spans rows {box.MinRow}..{box.MaxRow} and cols {box.MinCol}..{box.MaxCol} ({rows * cols:N0} cells), more than {MaxCells:N0}; check the index's row/col values.");
        }

        return new TileLayout(box.MinRow, box.MinCol, (int)rows, (int)cols, placed, unplaced);
    }

    /// <summary>The tile's row and column from the index, else from an id like <c>r0012_c0034</c>.</summary>
    public static bool TryPosition(TileResult tile, out int row, out int col)
    {
        ArgumentNullException.ThrowIfNull(tile);
        if (tile.Row is { } r && tile.Col is { } c)
        {
            (row, col) = (r, c);
            return true;
        }

        var match = CellName().Match(tile.Id);
        if (match.Success
            && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out row)
            && int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out col))
        {
            return true;
        }

        (row, col) = (0, 0);
        return false;
    }

    /// <summary>The tile's grid cell (origin-relative), if it has a position inside this layout.</summary>
    public bool TryGetCell(TileResult tile, out int row, out int col)
    {
        if (TryPosition(tile, out var r, out var c) && TryGetCell(r, c, out row, out col))
        {
            return true;
        }

        (row, col) = (0, 0);
        return false;
    }

    /// <summary>The grid cell (origin-relative) of an index position, if it lies inside this layout.</summary>
    public bool TryGetCell(int indexRow, int indexCol, out int row, out int col)
    {
        (row, col) = (indexRow - RowOrigin, indexCol - ColOrigin);
        if (row >= 0 && col >= 0 && row < Rows && col < Cols)
        {
            return true;
        }

        (row, col) = (0, 0);
        return false;
    }

    /// <summary>Lays the tiles' labels (as chosen by <paramref name="label"/>) on a grid of this layout's shape.</summary>
    public LabelGrid<T> Grid<T>(IEnumerable<TileResult> tiles, Func<TileResult, T?> label)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(tiles);
        ArgumentNullException.ThrowIfNull(label);
        var grid = new LabelGrid<T>(Rows, Cols);
        foreach (var tile in tiles)
        {
            if (TryGetCell(tile, out var row, out var col))
            {
                grid[row, col] = label(tile);
            }
        }

        return grid;
    }

    [GeneratedRegex(@"^r(\d+)_c(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CellName();
}
