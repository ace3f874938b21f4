using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Metrics;

/// <summary>Counts of (truth, predicted) pairs, truth rows × predicted columns, so partial results from many workers can be merged exactly.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    public ConfusionMatrix(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        _counts = new long[size * size];
    }

    /// <summary>Number of classes (rows = columns).</summary>
    public int Size { get; }

    /// <summary>Sum of all cells: the number of tiles with both a truth and a prediction.</summary>
    public long Total => _counts.Sum();

    /// <summary>Sum of the diagonal: tiles predicted as their truth.</summary>
    public long Correct
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < Size; i++)
            {
                sum += this[i, i];
            }

            return sum;
        }
    }

    public long this[int truth, int predicted]
    {
        get => _counts[Index(truth, predicted)];
        private set => _counts[Index(truth, predicted)] = value;
    }

    /// <summary>A 6 × 6 matrix over <see cref="LandCover"/>.</summary>
    public static ConfusionMatrix ForClasses() => new(LabelScheme.ClassCount);

    /// <summary>A 3 × 3 matrix over <see cref="LandGroup"/>.</summary>
    public static ConfusionMatrix ForGroups() => new(LabelScheme.GroupCount);

    /// <summary>Rebuilds a matrix from counts stored row-major (truth-major), as partial summaries carry them.</summary>
    public static ConfusionMatrix FromCounts(int size, IReadOnlyList<long> rowMajor)
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        var matrix = new ConfusionMatrix(size);
        if (rowMajor.Count != size * size)
        {
            throw new ArgumentException(
                $"A {size} x {size} confusion matrix needs {size * size} counts, got {rowMajor.Count}.", nameof(rowMajor));
        }

        for (var i = 0; i < rowMajor.Count; i++)
        {
            if (rowMajor[i] < 0)
            {
                throw new ArgumentException($"Confusion count at index {i} is negative ({rowMajor[i]}).", nameof(rowMajor));
            }

            matrix._counts[i] = rowMajor[i];
        }

        return matrix;
    }

    /// <summary>Rebuilds a matrix from jagged rows (truth rows × predicted columns), as summary.json stores it.</summary>
    public static ConfusionMatrix FromRows(IReadOnlyList<IReadOnlyList<long>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var size = rows.Count;
        var flat = new List<long>(size * size);
        for (var r = 0; r < size; r++)
        {
            if (rows[r].Count != size)
            {
                throw new ArgumentException($"Confusion row {r} has {rows[r].Count} cells, expected {size}.", nameof(rows));
            }

            flat.AddRange(rows[r]);
        }

        return FromCounts(size, flat);
    }

    /// <summary>Counts one tile (or <paramref name="count"/> tiles) with the given truth and prediction.</summary>
    public void Add(int truth, int predicted, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        this[truth, predicted] += count;
    }

    public void Add(LandCover truth, LandCover predicted) => Add((int)truth, (int)predicted);

    public void Add(LandGroup truth, LandGroup predicted) => Add((int)truth, (int)predicted);

    /// <summary>Adds another matrix of the same size into this one.</summary>
    public void Merge(ConfusionMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Size != Size)
        {
            throw new ArgumentException($"Cannot merge a {other.Size}-class matrix into a {Size}-class one.", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    /// <summary>The counts row-major (truth-major), the form partial summaries and tables carry.</summary>
    public long[] ToRowMajor() => (long[])_counts.Clone();

    /// <summary>The counts as jagged rows for JSON.</summary>
    public long[][] ToRows()
    {
        var rows = new long[Size][];
        for (var r = 0; r < Size; r++)
        {
            rows[r] = _counts.AsSpan(r * Size, Size).ToArray();
        }

        return rows;
    }

    public long RowSum(int truth)
    {
        long sum = 0;
        for (var c = 0; c < Size; c++)
        {
            sum += this[truth, c];
        }

        return sum;
    }

    public long ColumnSum(int predicted)
    {
        long sum = 0;
        for (var r = 0; r < Size; r++)
        {
            sum += this[r, predicted];
        }

        return sum;
    }

    /// <summary>Folds a 6-class matrix into the 3-class one (Developed, Cultivated, Undeveloped) via <see cref="LabelScheme.GroupOf"/>.</summary>
    public ConfusionMatrix Regroup()
    {
        if (Size != LabelScheme.ClassCount)
        {
            throw new InvalidOperationException($"Only a {LabelScheme.ClassCount}-class matrix can be regrouped; this one has {Size} classes.");
        }

        var grouped = ForGroups();
        for (var t = 0; t < Size; t++)
        {
            for (var p = 0; p < Size; p++)
            {
                grouped.Add((int)LabelScheme.GroupOf((LandCover)t), (int)LabelScheme.GroupOf((LandCover)p), this[t, p]);
            }
        }

        return grouped;
    }

    private int Index(int truth, int predicted)
    {
        if ((uint)truth >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(truth), truth, $"Truth index must be in 0..{Size - 1}.");
        }

        if ((uint)predicted >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(predicted), predicted, $"Predicted index must be in 0..{Size - 1}.");
        }

        return (truth * Size) + predicted;
    }
}
