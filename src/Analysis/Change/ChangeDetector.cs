using LandUse.Analysis.Grids;
using LandUse.Analysis.Runs;

namespace LandUse.Analysis.Change;

/// <summary>
/// Finds where land use changed between two runs over the same area: the study's "Undeveloped in 2011, Developed in 2016"
/// candidates, for any pair of groups, optionally after 3×3 smoothing. Tiles are joined on grid cell, each run streamed a
/// few times (<see cref="DetectAsync"/>): a pass for the box of positions, a pass laying each run on a byte-per-cell grid
/// (with its label grid), then the join from the grids, and a last pass over A then B that builds only the candidates.
/// Memory is a few bytes per grid cell (at most <see cref="TileLayout.MaxCells"/>) plus the candidates, never a record per
/// tile. Tiles without a position (no index row/col, no <c>r&lt;row&gt;_c&lt;col&gt;</c> id) cannot go on the grid: they are joined
/// by id from a dictionary of a path and two groups each, so they cost memory in their own number (small labelled sets).
/// </summary>
public static class ChangeDetector
{
    /// <summary>Tiles held in memory (tests, small runs): the same detection over a stream of the lists.</summary>
    public static ChangeResult Detect(string runA, IReadOnlyList<TileResult> a, string runB, IReadOnlyList<TileResult> b, ChangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // In-memory rows complete synchronously, so this never blocks on I/O.
        return DetectAsync(runA, TileRows.Of(a), runB, TileRows.Of(b), options, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Compares two runs read as streams; a duplicate tile (one id twice, or two tiles on one cell) is an <see cref="InvalidDataException"/>.</summary>
    public static async Task<ChangeResult> DetectAsync(
        string runA, TileRows a, string runB, TileRows b, ChangeOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= ChangeOptions.Default;
        var sideA = new ChangeSide(runA, a, options.ATruth);
        var sideB = new ChangeSide(runB, b, options.BTruth);
        await sideA.ScanAsync(sideB, cancellationToken).ConfigureAwait(false);
        await sideB.ScanAsync(sideA, cancellationToken).ConfigureAwait(false);

        var box = new TileBox();
        box.Add(sideA.Box);
        box.Add(sideB.Box);
        var shape = TileLayout.Spanning(box, 0, 0);
        await sideA.FillAsync(shape, sideB, cancellationToken).ConfigureAwait(false);
        await sideB.FillAsync(shape, null, cancellationToken).ConfigureAwait(false);
        if (options.Smooth)
        {
            sideA.Smooth(options.Smoothing);
            sideB.Smooth(options.Smoothing);
        }

        var tally = new ChangeTally(options);
        var placed = JoinCells(sideA, sideB, shape, tally);
        var (candidateIds, unplaced) = JoinUnplaced(sideA, sideB, tally);
        var layout = TileLayout.Spanning(box, placed, unplaced);
        var candidates = await CandidatesAsync(sideA, sideB, layout, candidateIds, tally.Candidates, options, cancellationToken).ConfigureAwait(false);
        var summary = tally.Summary(runA, runB, sideA.Count, sideB.Count);
        return new ChangeResult(summary, candidates, tally.Transitions, layout, sideA.Labels, sideB.Labels);
    }

    /// <summary>Counts every cell holding a tile in both runs, marks its candidates in B's cells; returns the cells holding a tile in either.</summary>
    private static int JoinCells(ChangeSide a, ChangeSide b, TileLayout layout, ChangeTally tally)
    {
        var placed = 0;
        for (var row = 0; row < layout.Rows; row++)
        {
            for (var col = 0; col < layout.Cols; col++)
            {
                var cell = a.IndexOf(row, col);
                var (inA, inB) = (a.Has(cell), b.Has(cell));
                placed += inA || inB ? 1 : 0;
                if (inA && inB && tally.Add(a.Labels[row, col], b.Labels[row, col], a.TruthAt(cell), b.TruthAt(cell)))
                {
                    b.MarkCandidate(cell);
                }
            }
        }

        return placed;
    }

    /// <summary>Joins the tiles without a position by id; returns the candidates' ids and how many distinct ids are unplaced.</summary>
    private static (HashSet<string> CandidateIds, int Unplaced) JoinUnplaced(ChangeSide a, ChangeSide b, ChangeTally tally)
    {
        var candidateIds = new HashSet<string>(StringComparer.Ordinal);
        var unplaced = a.Unplaced.Count + b.Unplaced.Count;
        foreach (var (id, tileB) in b.Unplaced)
        {
            if (a.Unplaced.TryGetValue(id, out var tileA))
            {
                unplaced--;
                if (tally.Add(tileA.Label, tileB.Label, tileA.Truth, tileB.Truth))
                {
                    candidateIds.Add(id);
                }
            }
        }

        return (candidateIds, unplaced);
    }

    /// <summary>The last pass: A's tiles on candidate cells (or with candidate ids), then B's candidates in B's order.</summary>
    private static async Task<List<ChangeCandidate>> CandidatesAsync(
        ChangeSide a, ChangeSide b, TileLayout layout, HashSet<string> candidateIds, long expected, ChangeOptions options, CancellationToken cancellationToken)
    {
        var candidates = new List<ChangeCandidate>();
        if (expected == 0)
        {
            return candidates;
        }

        var onCells = new Dictionary<int, TileResult>();
        var byId = new Dictionary<string, TileResult>(StringComparer.Ordinal);
        await foreach (var tile in a.Rows.ReadAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (a.TryLocate(tile, layout, out var row, out var col, out _))
            {
                var cell = a.IndexOf(row, col);
                if (b.IsCandidate(cell))
                {
                    onCells[cell] = tile;
                }
            }
            else if (candidateIds.Contains(tile.Id))
            {
                byId[tile.Id] = tile;
            }
        }

        await foreach (var tileB in b.Rows.ReadAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            TileResult? tileA;
            if (b.TryLocate(tileB, layout, out var row, out var col, out _))
            {
                var cell = b.IndexOf(row, col);
                if (!b.IsCandidate(cell) || !onCells.TryGetValue(cell, out tileA))
                {
                    continue;
                }
            }
            else if (!candidateIds.Contains(tileB.Id) || !byId.TryGetValue(tileB.Id, out tileA))
            {
                continue;
            }

            candidates.Add(Candidate(tileA, tileB, options));
        }

        return candidates.Count == expected
            ? candidates
            : throw new InvalidDataException($"Run {a.Run} or {b.Run} changed while they were compared ({expected:N0} candidates counted, {candidates.Count:N0} found); compare them again.");
    }

    private static ChangeCandidate Candidate(TileResult tileA, TileResult tileB, ChangeOptions options)
    {
        var truthChanged = ChangeTally.TruthChanged(ChangeSide.Group(tileA.Truth), ChangeSide.Group(tileB.Truth), options);
        return CandidateConfidence.With(new ChangeCandidate(
            tileB.Path,
            tileB.Id,
            tileB.Row ?? tileA.Row,
            tileB.Col ?? tileA.Col,
            options.From,
            options.To,
            tileB.Lat ?? tileA.Lat,
            tileB.Lon ?? tileA.Lon,
            tileA.Path,
            options.ATruth ? tileA.Truth : tileA.Predicted,
            options.BTruth ? tileB.Truth : tileB.Predicted,
            truthChanged), tileA, tileB, options);
    }
}
