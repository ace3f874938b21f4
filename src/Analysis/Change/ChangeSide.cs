using LandUse.Analysis.Grids;
using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>
/// One run's side of a streamed comparison: a byte per grid cell (a tile is there, its truth group, a candidate is there)
/// beside its group-label grid, and its tiles without a position by id (bounded by their own count). A tile with no
/// position whose id the other run places sits at the other run's cell ("adopted"), as both runs share one grid.
/// </summary>
internal sealed class ChangeSide(string run, TileRows rows, bool useTruth)
{
    private const byte Present = 1;
    private const int TruthShift = 1;
    private const byte TruthMask = 3 << TruthShift;
    private const byte Candidate = 8;

    private byte[] _cells = [];
    private int _cols;

    public string Run { get; } = run;

    public TileRows Rows { get; } = rows;

    /// <summary>Tiles in the run.</summary>
    public long Count { get; private set; }

    public TileBox Box { get; } = new();

    public Dictionary<string, UnplacedTile> Unplaced { get; } = new(StringComparer.Ordinal);

    /// <summary>Tiles of this run without a position, placed at the other run's tile of the same id (its index position).</summary>
    public Dictionary<string, (int Row, int Col, string Path)> Adopted { get; } = new(StringComparer.Ordinal);

    /// <summary>The group each cell's tile is compared in (smoothed once <see cref="Smooth"/> ran); null where no tile or no label.</summary>
    public LabelGrid<LandGroup> Labels { get; private set; } = new(0, 0);

    public static LandGroup? Group(LandCover? cover) => cover is { } c ? LabelScheme.GroupOf(c) : null;

    public LandGroup? Label(TileResult tile) => Group(useTruth ? tile.Truth : tile.Predicted);

    /// <summary>Pass 1: counts, the box of positions, tiles without one by id; the other run's unplaced tiles this run places are adopted.</summary>
    public async Task ScanAsync(ChangeSide other, CancellationToken cancellationToken)
    {
        await foreach (var tile in Rows.ReadAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Count++;
            if (TileLayout.TryPosition(tile, out var row, out var col))
            {
                Box.Add(row, col);
                other.Adopt(tile.Id, row, col);
            }
            else if (!Unplaced.TryAdd(tile.Id, new UnplacedTile(tile.Path, Label(tile), Group(tile.Truth))))
            {
                throw Duplicate(tile.Id, Unplaced[tile.Id].Path, tile.Path);
            }
        }
    }

    /// <summary>Pass 2: lays every placed tile on the grid; two tiles on one cell are a duplicate (both paths named).</summary>
    public async Task FillAsync(TileLayout layout, ChangeSide? adoptInto, CancellationToken cancellationToken)
    {
        _cells = new byte[layout.Rows * layout.Cols];
        _cols = layout.Cols;
        Labels = new LabelGrid<LandGroup>(layout.Rows, layout.Cols);
        await foreach (var tile in Rows.ReadAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!TryLocate(tile, layout, out var row, out var col, out var own))
            {
                continue;
            }

            if (own)
            {
                adoptInto?.Adopt(tile.Id, row + layout.RowOrigin, col + layout.ColOrigin);
                var earlier = Unplaced.TryGetValue(tile.Id, out var u) ? u.Path : Adopted.TryGetValue(tile.Id, out var a) ? a.Path : null;
                if (earlier is not null)
                {
                    throw Duplicate(tile.Id, earlier, tile.Path);
                }
            }

            var i = IndexOf(row, col);
            if (Has(i))
            {
                throw await CollisionAsync(layout, row, col, tile, cancellationToken).ConfigureAwait(false);
            }

            _cells[i] = (byte)(Present | (Code(Group(tile.Truth)) << TruthShift));
            Labels[row, col] = Label(tile);
        }
    }

    public void Smooth(SmoothingOptions options) => Labels = PluralitySmoother.Smooth(Labels, options);

    /// <summary>The tile's cell (origin-relative): its own position, or the other run's for an adopted tile; <paramref name="own"/> says which.</summary>
    public bool TryLocate(TileResult tile, TileLayout layout, out int row, out int col, out bool own)
    {
        if (TileLayout.TryPosition(tile, out var r, out var c))
        {
            own = true;
            return layout.TryGetCell(r, c, out row, out col);
        }

        own = false;
        if (Adopted.TryGetValue(tile.Id, out var at))
        {
            return layout.TryGetCell(at.Row, at.Col, out row, out col);
        }

        (row, col) = (0, 0);
        return false;
    }

    public int IndexOf(int row, int col) => (row * _cols) + col;

    public bool Has(int cell) => (_cells[cell] & Present) != 0;

    public LandGroup? TruthAt(int cell) => Decode((_cells[cell] & TruthMask) >> TruthShift);

    public void MarkCandidate(int cell) => _cells[cell] |= Candidate;

    public bool IsCandidate(int cell) => (_cells[cell] & Candidate) != 0;

    public InvalidDataException Duplicate(string id, string firstPath, string secondPath) =>
        new($"Run {Run} has tile id '{id}' twice ({firstPath} and {secondPath}); change detection joins on tile id.");

    private void Adopt(string id, int row, int col)
    {
        if (Unplaced.Remove(id, out var tile))
        {
            Adopted[id] = (row, col, tile.Path);
        }
    }

    /// <summary>Names both tiles on a cell: the first one is found by reading the run again (an error path only).</summary>
    private async Task<InvalidDataException> CollisionAsync(TileLayout layout, int row, int col, TileResult second, CancellationToken cancellationToken)
    {
        await foreach (var tile in Rows.ReadAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (TryLocate(tile, layout, out var r, out var c, out _) && (r, c) == (row, col))
            {
                return string.Equals(tile.Id, second.Id, StringComparison.Ordinal)
                    ? Duplicate(tile.Id, tile.Path, second.Path)
                    : new InvalidDataException(
                        $"Run {Run} has tiles '{tile.Id}' and '{second.Id}' on one grid cell (row {row + layout.RowOrigin}, col {col + layout.ColOrigin}) ({tile.Path} and {second.Path}); change detection joins on grid cell.");
            }
        }

        return new InvalidDataException($"Run {Run} changed while it was compared (tile '{second.Id}' at {second.Path}); compare it again.");
    }

    private static int Code(LandGroup? group) => group is { } g ? (int)g + 1 : 0;

    private static LandGroup? Decode(int code) => code == 0 ? null : (LandGroup)(code - 1);
}
