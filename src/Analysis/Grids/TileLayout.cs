using System.Globalization;
using System.Text.RegularExpressions;
using LandUse.Analysis.Runs;

namespace LandUse.Analysis.Grids;

/// <summary>
/// Where each tile sits on the grid: its index row/col, or else its <c>r&lt;row&gt;_c&lt;col&gt;</c> id.
/// The grid spans the placed tiles' bounding box; tiles with no position cannot be mapped and are counted as unplaced.
/// </summary>
public sealed partial class TileLayout
{
    private readonly Dictionary<string, (int Row, int Col)> _cells;

    private TileLayout(Dictionary<string, (int Row, int Col)> cells, int rowOrigin, int colOrigin, int rows, int cols, int unplaced)
    {
        _cells = cells;
        RowOrigin = rowOrigin;
        ColOrigin = colOrigin;
        Rows = rows;
        Cols = cols;
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

    public int Placed => _cells.Count;

    public static TileLayout From(IEnumerable<TileResult> tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var cells = new Dictionary<string, (int Row, int Col)>(StringComparer.Ordinal);
        var unplaced = 0;
        foreach (var tile in tiles)
        {
            if (TryPosition(tile, out var row, out var col))
            {
                cells[tile.Id] = (row, col);
            }
            else
            {
                unplaced++;
            }
        }

        if (cells.Count == 0)
        {
            return new TileLayout(cells, 0, 0, 0, 0, unplaced);
        }

        var minRow = cells.Values.Min(p => p.Row);
        var minCol = cells.Values.Min(p => p.Col);
        var rows = cells.Values.Max(p => p.Row) - minRow + 1;
        var cols = cells.Values.Max(p => p.Col) - minCol + 1;
        if ((long)rows * cols > MaxCells)
        {
            throw new InvalidDataException(
                $"Tile grid spans rows {minRow}..{minRow + rows - 1} and cols {minCol}..{minCol + cols - 1} ({(long)rows * cols:N0} cells), more than {MaxCells:N0}; check the index's row/col values.");
        }

        return new TileLayout(cells, minRow, minCol, rows, cols, unplaced);
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

    /// <summary>The tile's grid cell (origin-relative), if it was placed.</summary>
    public bool TryGetCell(string tileId, out int row, out int col)
    {
        if (_cells.TryGetValue(tileId, out var cell))
        {
            (row, col) = (cell.Row - RowOrigin, cell.Col - ColOrigin);
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
            if (TryGetCell(tile.Id, out var row, out var col))
            {
                grid[row, col] = label(tile);
            }
        }

        return grid;
    }

    [GeneratedRegex(@"^r(\d+)_c(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CellName();
}
