namespace LandUse.Analysis.Grids;

/// <summary>
/// Labels laid out on the tile grid (rows × cols) with empty cells for tiles that are missing or failed;
/// maps, smoothing and change detection all work on it, for 6-class or 3-class labels alike.
/// </summary>
public sealed class LabelGrid<T>
    where T : struct, Enum
{
    private readonly T?[] _cells;

    public LabelGrid(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        Rows = rows;
        Cols = cols;
        _cells = new T?[checked(rows * cols)];
    }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Cells that hold a label.</summary>
    public int KnownCount => _cells.Count(c => c is not null);

    public T? this[int row, int col]
    {
        get => _cells[Index(row, col)];
        set => _cells[Index(row, col)] = value;
    }

    public bool Contains(int row, int col) => row >= 0 && col >= 0 && row < Rows && col < Cols;

    /// <summary>Applies <paramref name="map"/> to every known cell (e.g. class → group); empty cells stay empty.</summary>
    public LabelGrid<TOut> Select<TOut>(Func<T, TOut> map)
        where TOut : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(map);
        var result = new LabelGrid<TOut>(Rows, Cols);
        for (var i = 0; i < _cells.Length; i++)
        {
            if (_cells[i] is { } value)
            {
                result._cells[i] = map(value);
            }
        }

        return result;
    }

    public LabelGrid<T> Clone()
    {
        var copy = new LabelGrid<T>(Rows, Cols);
        _cells.CopyTo(copy._cells, 0);
        return copy;
    }

    /// <summary>Cells that differ between this grid and <paramref name="other"/> (same shape required).</summary>
    public int CountDifferences(LabelGrid<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Rows != Rows || other.Cols != Cols)
        {
            throw new ArgumentException($"Grids differ in shape: {Rows}x{Cols} vs {other.Rows}x{other.Cols}.", nameof(other));
        }

        var count = 0;
        for (var i = 0; i < _cells.Length; i++)
        {
            if (!Nullable.Equals(_cells[i], other._cells[i]))
            {
                count++;
            }
        }

        return count;
    }

    private int Index(int row, int col)
    {
        if (!Contains(row, col))
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"Cell ({row}, {col}) is outside the {Rows}x{Cols} grid.");
        }

        return (row * Cols) + col;
    }
}

/// <summary>Builds label grids from literal rows.</summary>
public static class LabelGrid
{
    /// <summary>A grid from a row-major array, for tests and small literal grids.</summary>
    public static LabelGrid<T> FromRows<T>(T?[][] rows)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cols = rows.Length == 0 ? 0 : rows[0].Length;
        var grid = new LabelGrid<T>(rows.Length, cols);
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != cols)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} cells, expected {cols}.", nameof(rows));
            }

            for (var c = 0; c < cols; c++)
            {
                grid[r, c] = rows[r][c];
            }
        }

        return grid;
    }
}
