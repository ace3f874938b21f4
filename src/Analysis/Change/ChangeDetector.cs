using LandUse.Analysis.Grids;
using LandUse.Analysis.Metrics;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>
/// Finds where land use changed between two runs over the same area, joined by tile id: the study's
/// "Undeveloped in 2011, Developed in 2016" candidates, for any pair of groups, optionally after 3×3 smoothing.
/// </summary>
public static class ChangeDetector
{
    public static ChangeResult Detect(string runA, IReadOnlyList<TileResult> a, string runB, IReadOnlyList<TileResult> b, ChangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= ChangeOptions.Default;
        var byIdA = ById(runA, a);
        var byIdB = ById(runB, b);

        // Positions come from B, else A; both runs' tiles share one layout so their grids line up.
        var placed = b.Concat(a)
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(t => t.HasCell) ?? g.First())
            .ToList();
        var layout = TileLayout.From(placed);
        var labelsA = SideLabels(a, layout, options.ATruth, options);
        var labelsB = SideLabels(b, layout, options.BTruth, options);

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

            // Truth change is judged on every joined tile with truth in both runs, so a tile that failed to score is a miss.
            bool? truthChanged = null;
            if (tileA.Truth is { } truthA && tileB.Truth is { } truthB)
            {
                truthChanged = LabelScheme.GroupOf(truthA) == options.From && LabelScheme.GroupOf(truthB) == options.To;
                evaluated++;
                truthChanges += truthChanged.Value ? 1 : 0;
            }

            if (labelsA.Labels[tileA.Id] is not { } groupA || labelsB.Labels[tileB.Id] is not { } groupB)
            {
                unlabelled++;
                continue;
            }

            transitions.Add(groupA, groupB);
            var isCandidate = groupA == options.From && groupB == options.To;
            if (truthChanged is { } changed)
            {
                evaluatedCandidates += isCandidate ? 1 : 0;
                truePositives += isCandidate && changed ? 1 : 0;
            }

            if (isCandidate)
            {
                candidates.Add(CandidateConfidence.With(new ChangeCandidate(
                    tileB.Path,
                    tileB.Id,
                    tileB.Row ?? tileA.Row,
                    tileB.Col ?? tileA.Col,
                    groupA,
                    groupB,
                    tileB.Lat ?? tileA.Lat,
                    tileB.Lon ?? tileA.Lon,
                    tileA.Path,
                    options.ATruth ? tileA.Truth : tileA.Predicted,
                    options.BTruth ? tileB.Truth : tileB.Predicted,
                    truthChanged), tileA, tileB, options));
            }
        }

        var summary = new ChangeSummary(
            runA,
            runB,
            options.From,
            options.To,
            options.Smooth,
            options.Smoothing.CentreWeight,
            options.ATruth,
            options.BTruth,
            joined,
            byIdA.Count - joined,
            byIdB.Count - joined,
            unlabelled,
            ConfusionTable.From(transitions, LabelScheme.GroupNames),
            candidates.Count,
            evaluated == 0 ? null : ChangeAccuracy.From(evaluated, truthChanges, evaluatedCandidates, truePositives));
        return new ChangeResult(summary, candidates, transitions, layout, labelsA.Grid, labelsB.Grid);
    }

    private static Dictionary<string, TileResult> ById(string run, IReadOnlyList<TileResult> tiles)
    {
        var byId = new Dictionary<string, TileResult>(tiles.Count, StringComparer.Ordinal);
        foreach (var tile in tiles)
        {
            if (!byId.TryAdd(tile.Id, tile))
            {
                throw new InvalidDataException($"Run {run} has tile id '{tile.Id}' twice ({byId[tile.Id].Path} and {tile.Path}); change detection joins on tile id.");
            }
        }

        return byId;
    }

    private static SideLabelSet SideLabels(IReadOnlyList<TileResult> tiles, TileLayout layout, bool useTruth, ChangeOptions options)
    {
        var labels = new Dictionary<string, LandGroup?>(tiles.Count, StringComparer.Ordinal);
        foreach (var tile in tiles)
        {
            labels[tile.Id] = Group(useTruth ? tile.Truth : tile.Predicted);
        }

        var grid = layout.Grid(tiles, t => labels[t.Id]);
        if (options.Smooth)
        {
            grid = PluralitySmoother.Smooth(grid, options.Smoothing);
            foreach (var tile in tiles)
            {
                if (layout.TryGetCell(tile.Id, out var row, out var col))
                {
                    labels[tile.Id] = grid[row, col];
                }
            }
        }

        return new SideLabelSet(labels, grid);
    }

    private static LandGroup? Group(LandCover? cover) => cover is { } c ? LabelScheme.GroupOf(c) : null;

    private sealed record SideLabelSet(Dictionary<string, LandGroup?> Labels, LabelGrid<LandGroup> Grid);
}
