using System.Runtime.CompilerServices;

namespace LandUse.Analysis.Grids;

/// <summary>
/// Labels laid out on the tile grid (rows × cols) with empty cells for tiles that are missing or failed;
/// maps, smoothing and change detection all work on it, for 6-class or 3-class labels alike. A cell is one byte (0 empty,
/// else the label's value + 1), so a 16M-cell grid is 16 MB; labels must have values 0..254.
/// </summary>
public sealed class LabelGrid<T>
    where T : struct, Enum
{
    private readonly byte[] _cells;

    public LabelGrid(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        Rows = rows;
        Cols = cols;
        _cells = new byte[checked(rows * cols)];
    }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Cells that hold a label.</summary>
    public int KnownCount => _cells.Length - _cells.AsSpan().Count((byte)0);

    public T? this[int row, int col]
    {
        get => Decode(_cells[Index(row, col)]);
        set => _cells[Index(row, col)] = Encode(value);
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
            if (Decode(_cells[i]) is { } value)
            {
                result._cells[i] = LabelGrid<TOut>.Encode(map(value));
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
            if (_cells[i] != other._cells[i])
            {
                count++;
            }
        }

        return count;
    }

    private static byte Encode(T? label)
    {
        if (label is not { } value)
        {
            return 0;
        }

        var number = Unsafe.SizeOf<T>() switch
        {
            1 => Unsafe.As<T, byte>(ref value),
            2 => Unsafe.As<T, short>(ref value),
            4 => Unsafe.As<T, int>(ref value),
            _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        };
        return number is >= 0 and < byte.MaxValue
            ? (byte)(number + 1)
            : throw new ArgumentOutOfRangeException(nameof(label), label, "A label grid holds labels with values 0..254.");
    }

    private static T? Decode(byte cell)
    {
        if (cell == 0)
        {
            return null;
        }

        var number = cell - 1;
        var small = (byte)number;
        var half = (short)number;
        return Unsafe.SizeOf<T>() switch
        {
            1 => Unsafe.As<byte, T>(ref small),
            2 => Unsafe.As<short, T>(ref half),
            4 => Unsafe.As<int, T>(ref number),
            _ => (T)Enum.ToObject(typeof(T), number),
        };
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
