using FsCheck.Xunit;
using LandUse.Analysis.Change;
using LandUse.Analysis.Grids;
using LandUse.Analysis.Metrics;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Change;

/// <summary>The streamed detector against a plain join by id over whole lists, on grids with gaps, failures, truth and unplaced tiles.</summary>
public sealed class StreamedChangeDetectorTests
{
    [Property(MaxTest = 300)]
    public void Streaming_gives_the_summary_and_candidates_of_a_join_by_id(int seed, byte size, bool smooth, bool aTruth, bool bTruth, byte from, byte to)
    {
        // FsCheck's integers cluster near zero: they seed the tiles' codes instead of being them.
        var random = new Random(seed);
        var (a, b) = Runs([.. Enumerable.Range(0, 5 + (size % 76)).Select(_ => random.Next())]);
        var options = new ChangeOptions { Smooth = smooth, ATruth = aTruth, BTruth = bTruth, From = (LandGroup)(from % 3), To = (LandGroup)(to % 3) };

        var result = ChangeDetector.Detect("a", a, "b", b, options);
        var (summary, candidates) = Reference("a", a, "b", b, options);

        Assert.Equal(summary.ToJson(), result.Summary.ToJson());
        Assert.Equal(candidates, result.Candidates);
    }

    [Fact]
    public void Two_tiles_on_one_cell_are_a_duplicate_naming_both_paths()
    {
        List<TileResult> a =
        [
            new("a/x.png", "x", LandCover.Forest, null, null, null, 3, 4, null, null),
            new("a/y.png", "y", LandCover.Forest, null, null, null, 3, 4, null, null),
        ];

        var ex = Assert.Throws<InvalidDataException>(() => ChangeDetector.Detect("2010", a, "2016", [a[0]]));

        Assert.Equal("Run 2010 has tiles 'x' and 'y' on one grid cell (row 3, col 4) (a/x.png and a/y.png); change detection joins on grid cell.", ex.Message);
    }

    [Fact]
    public void Unplaced_tiles_of_one_run_take_the_other_runs_cell_for_their_id()
    {
        // Run A has no index (plain names), run B places the same ids by its index: they still join and smooth on B's grid.
        List<TileResult> a = [.. Enumerable.Range(0, 9).Select(i => new TileResult($"a/t{i}.png", $"t{i}", LandCover.Forest, null, null, null, null, null, null, null))];
        List<TileResult> b = [.. Enumerable.Range(0, 9).Select(i => new TileResult($"b/t{i}.png", $"t{i}", i == 4 ? LandCover.Developed : LandCover.Forest, null, null, null, i / 3, i % 3, null, null))];

        var plain = ChangeDetector.Detect("a", a, "b", b);
        var smoothed = ChangeDetector.Detect("a", a, "b", b, new ChangeOptions { Smooth = true });

        Assert.Equal((9L, 0L, 0L), (plain.Summary.Joined, plain.Summary.OnlyInA, plain.Summary.OnlyInB));
        Assert.Equal(("t4", 1, 1), (Assert.Single(plain.Candidates).Id, plain.Candidates[0].Row!.Value, plain.Candidates[0].Col!.Value));
        Assert.Empty(smoothed.Candidates);
    }

    /// <summary>Tiles on a 5-column grid (offset, so the box does not start at 0) from codes: presence, labels, truth, how each is placed.</summary>
    private static (List<TileResult> A, List<TileResult> B) Runs(int[] codes)
    {
        var a = new List<TileResult>();
        var b = new List<TileResult>();
        for (var i = 0; i < codes.Length; i++)
        {
            var u = (uint)codes[i];
            var kind = u / 38416 % 4;
            if (u % 4 != 0)
            {
                a.Add(Tile("a", i, kind, u / 16 % 7, u / 784 % 7));
            }

            if (u / 4 % 4 != 0)
            {
                b.Add(Tile("b", i, kind, u / 112 % 7, u / 5488 % 7));
            }
        }

        return (a, b);
    }

    /// <summary>Kind 0: no position (joined by id); 1: index row/col, plain id; 2: r_c id only; 3: r_c id and index row/col.</summary>
    private static TileResult Tile(string run, int i, uint kind, uint predicted, uint truth)
    {
        var (row, col) = (3 + (i / 5), 7 + (i % 5));
        var id = kind switch { 0 => $"u{i}", 1 => $"x{i}", _ => $"r{row:0000}_c{col:0000}" };
        LandCover? label = predicted < 6 ? (LandCover)predicted : null;
        var probabilities = label is { } l ? Enumerable.Range(0, 6).Select(k => k == (int)l ? 0.5f + (i % 5 * 0.1f) : (0.5f - (i % 5 * 0.1f)) / 5).ToArray() : null;
        return new TileResult(
            $"{run}/{id}.png",
            id,
            label,
            truth < 6 ? (LandCover)truth : null,
            probabilities,
            label is null ? "decode failed" : null,
            kind is 1 or 3 ? row : null,
            kind is 1 or 3 ? col : null,
            kind == 3 ? 42 + (row * 0.002) : null,
            kind == 3 ? -71 + (col * 0.003) : null);
    }

    /// <summary>The comparison done the obvious way: every tile by id in a dictionary, labels smoothed on a grid of positions, a join over B.</summary>
    private static (ChangeSummary Summary, List<ChangeCandidate> Candidates) Reference(string runA, List<TileResult> a, string runB, List<TileResult> b, ChangeOptions o)
    {
        var byIdA = a.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var byIdB = b.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var labelsA = Labels(a, o.ATruth, o);
        var labelsB = Labels(b, o.BTruth, o);
        var transitions = ConfusionMatrix.ForGroups();
        var candidates = new List<ChangeCandidate>();
        long joined = 0, unlabelled = 0, evaluated = 0, truthChanges = 0, truePositives = 0, evaluatedCandidates = 0;
        foreach (var tileB in b)
        {
            if (!byIdA.TryGetValue(tileB.Id, out var tileA))
            {
                continue;
            }

            joined++;
            bool? changed = tileA.Truth is { } ta && tileB.Truth is { } tb ? LabelScheme.GroupOf(ta) == o.From && LabelScheme.GroupOf(tb) == o.To : null;
            evaluated += changed is null ? 0 : 1;
            truthChanges += changed == true ? 1 : 0;
            if (labelsA[tileA.Id] is not { } ga || labelsB[tileB.Id] is not { } gb)
            {
                unlabelled++;
                continue;
            }

            transitions.Add(ga, gb);
            var candidate = ga == o.From && gb == o.To;
            evaluatedCandidates += candidate && changed is not null ? 1 : 0;
            truePositives += candidate && changed == true ? 1 : 0;
            if (candidate)
            {
                candidates.Add(CandidateConfidence.With(new ChangeCandidate(
                    tileB.Path, tileB.Id, tileB.Row ?? tileA.Row, tileB.Col ?? tileA.Col, ga, gb, tileB.Lat ?? tileA.Lat, tileB.Lon ?? tileA.Lon, tileA.Path,
                    o.ATruth ? tileA.Truth : tileA.Predicted, o.BTruth ? tileB.Truth : tileB.Predicted, changed), tileA, tileB, o));
            }
        }

        var summary = new ChangeSummary(
            runA, runB, o.From, o.To, o.Smooth, o.Smoothing.CentreWeight, o.ATruth, o.BTruth, joined, byIdA.Count - joined, byIdB.Count - joined, unlabelled,
            ConfusionTable.From(transitions, LabelScheme.GroupNames), candidates.Count,
            evaluated == 0 ? null : ChangeAccuracy.From(evaluated, truthChanges, evaluatedCandidates, truePositives));
        return (summary, candidates);
    }

    private static Dictionary<string, LandGroup?> Labels(List<TileResult> tiles, bool truth, ChangeOptions o)
    {
        var labels = tiles.ToDictionary(t => t.Id, t => (truth ? t.Truth : t.Predicted) is { } c ? LabelScheme.GroupOf(c) : (LandGroup?)null, StringComparer.Ordinal);
        if (!o.Smooth)
        {
            return labels;
        }

        // A grid from index 0 holds every position the generator makes; empty cells neither vote nor change.
        var grid = new LabelGrid<LandGroup>(64, 16);
        foreach (var tile in tiles.Where(t => TileLayout.TryPosition(t, out _, out _)))
        {
            TileLayout.TryPosition(tile, out var row, out var col);
            grid[row, col] = labels[tile.Id];
        }

        var smoothed = PluralitySmoother.Smooth(grid, o.Smoothing);
        foreach (var tile in tiles.Where(t => TileLayout.TryPosition(t, out _, out _)))
        {
            TileLayout.TryPosition(tile, out var row, out var col);
            labels[tile.Id] = smoothed[row, col];
        }

        return labels;
    }
}
