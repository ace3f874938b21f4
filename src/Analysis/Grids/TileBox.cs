namespace LandUse.Analysis.Grids;

/// <summary>The bounding box of tile positions, grown one position at a time, so a layout is measured in a pass over rows that are not kept.</summary>
public sealed class TileBox
{
    public int MinRow { get; private set; } = int.MaxValue;

    public int MinCol { get; private set; } = int.MaxValue;

    public int MaxRow { get; private set; } = int.MinValue;

    public int MaxCol { get; private set; } = int.MinValue;

    /// <summary>Positions added.</summary>
    public long Count { get; private set; }

    public void Add(int row, int col)
    {
        MinRow = Math.Min(MinRow, row);
        MinCol = Math.Min(MinCol, col);
        MaxRow = Math.Max(MaxRow, row);
        MaxCol = Math.Max(MaxCol, col);
        Count++;
    }

    /// <summary>Grows this box to hold <paramref name="other"/> too.</summary>
    public void Add(TileBox other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        MinRow = Math.Min(MinRow, other.MinRow);
        MinCol = Math.Min(MinCol, other.MinCol);
        MaxRow = Math.Max(MaxRow, other.MaxRow);
        MaxCol = Math.Max(MaxCol, other.MaxCol);
        Count += other.Count;
    }
}
