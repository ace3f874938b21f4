using FsCheck.Xunit;
using LandUse.Analysis.Change;
using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Change;

public sealed class ChangeDetectorTests
{
    [Property]
    public bool Transition_rows_sum_to_the_first_runs_counts(int[] codes, bool smooth)
    {
        // Run B labels every tile; run A may fail some. Rows then add up to run A's group counts.
        var cells = codes ?? [];
        var a = new List<TileResult>();
        var b = new List<TileResult>();
        for (var i = 0; i < cells.Length; i++)
        {
            var u = (uint)cells[i];
            var labelA = u % 7 < 6 ? (LandCover?)(LandCover)(u % 7) : null;
            var labelB = (LandCover)(u / 7 % 6);
            a.Add(TestTiles.Cell(i / 5, i % 5, labelA, folder: "a"));
            b.Add(TestTiles.Cell(i / 5, i % 5, labelB, folder: "b"));
        }

        var result = ChangeDetector.Detect("a", a, "b", b, new ChangeOptions { Smooth = smooth });

        // With smoothing the compared labels are the smoothed ones, which is what the grids hold.
        var countsA = new long[3];
        foreach (var tile in a)
        {
            TileLayoutCell(result, tile, out var r, out var c);
            if (result.GridA[r, c] is { } g)
            {
                countsA[(int)g]++;
            }
        }

        return Enumerable.Range(0, 3).All(g => result.Transitions.RowSum(g) == countsA[g])
            && result.Transitions.Total == result.Summary.Joined - result.Summary.Unlabelled
            && result.Summary.Joined == cells.Length;
    }

    [Fact]
    public void Candidates_are_the_tiles_that_went_from_undeveloped_to_developed()
    {
        List<TileResult> a = [TestTiles.Cell(0, 0, LandCover.Forest), TestTiles.Cell(0, 1, LandCover.Shrub), TestTiles.Cell(0, 2, LandCover.Cultivated), TestTiles.Cell(0, 3, null)];
        List<TileResult> b = [TestTiles.Cell(0, 0, LandCover.Developed), TestTiles.Cell(0, 1, LandCover.Herbaceous), TestTiles.Cell(0, 2, LandCover.Developed), TestTiles.Cell(0, 3, LandCover.Developed)];

        var result = ChangeDetector.Detect("2010", a, "2016", b);

        var candidate = Assert.Single(result.Candidates);
        Assert.Equal("r0000_c0000", candidate.Id);
        Assert.Equal(LandCover.Forest, candidate.ALabel);
        Assert.Equal(LandCover.Developed, candidate.BLabel);
        Assert.Equal(1, result.Transitions[(int)LandGroup.Cultivated, (int)LandGroup.Developed]);
        Assert.Equal(1, result.Summary.Unlabelled);
        Assert.Null(result.Summary.Accuracy);
    }

    [Fact]
    public void Any_group_pair_can_be_selected_and_a_truth_replaces_a_predictions()
    {
        List<TileResult> a = [TestTiles.Cell(0, 0, LandCover.Developed, truth: LandCover.Cultivated)];
        List<TileResult> b = [TestTiles.Cell(0, 0, LandCover.Developed)];

        var byPrediction = ChangeDetector.Detect("a", a, "b", b, new ChangeOptions { From = LandGroup.Cultivated, To = LandGroup.Developed });
        var byTruth = ChangeDetector.Detect("a", a, "b", b, new ChangeOptions { From = LandGroup.Cultivated, To = LandGroup.Developed, ATruth = true });

        Assert.Empty(byPrediction.Candidates);
        Assert.Single(byTruth.Candidates);
        Assert.True(byTruth.Summary.ATruth);
    }

    [Fact]
    public void Tiles_are_joined_by_id_and_duplicate_ids_are_an_error()
    {
        List<TileResult> a = [TestTiles.Cell(0, 0, LandCover.Forest), TestTiles.Cell(5, 5, LandCover.Forest)];
        List<TileResult> b = [TestTiles.Cell(0, 0, LandCover.Forest), TestTiles.Cell(9, 9, LandCover.Forest)];

        var summary = ChangeDetector.Detect("a", a, "b", b).Summary;

        Assert.Equal((1L, 1L, 1L), (summary.Joined, summary.OnlyInA, summary.OnlyInB));
        var ex = Assert.Throws<InvalidDataException>(() => ChangeDetector.Detect("a", [.. a, a[0]], "b", b));
        Assert.Contains("Run a has tile id 'r0000_c0000' twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smoothing_removes_an_isolated_false_change()
    {
        var a = new List<TileResult>();
        var b = new List<TileResult>();
        for (var i = 0; i < 25; i++)
        {
            a.Add(TestTiles.Cell(i / 5, i % 5, LandCover.Forest));
            b.Add(TestTiles.Cell(i / 5, i % 5, i == 12 ? LandCover.Developed : LandCover.Forest));
        }

        Assert.Single(ChangeDetector.Detect("a", a, "b", b).Candidates);
        Assert.Empty(ChangeDetector.Detect("a", a, "b", b, new ChangeOptions { Smooth = true }).Candidates);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_generated_two_year_county_candidates_find_the_developed_tiles(bool aTruth)
    {
        // Stand-in for the acceptance run on `landuse synth county` with the demo model: 8 % of tiles mislabelled per year.
        var (a, b, developed) = TestRuns.County(size: 48, noise: 0.08, seed: 7);

        var result = ChangeDetector.Detect("2010", a, "2016", b, new ChangeOptions { Smooth = true, ATruth = aTruth });

        var accuracy = Assert.IsType<ChangeAccuracy>(result.Summary.Accuracy);
        Assert.Equal(developed.Count, accuracy.TruthChanges);
        Assert.True(accuracy.Precision >= 0.8, $"precision {accuracy.Precision:0.000}");
        Assert.True(accuracy.Recall >= 0.8, $"recall {accuracy.Recall:0.000}");
        Assert.Equal(accuracy.TruePositives, result.Candidates.Count(c => c.TruthChanged == true && developed.Contains(c.Id)));
    }

    [Fact]
    public void Without_real_change_or_candidates_precision_and_recall_are_undefined_not_zero()
    {
        var (a, _, _) = TestRuns.County(size: 48, noise: 0, seed: 7);

        var result = ChangeDetector.Detect("2010", a, "2016", a, new ChangeOptions());

        var accuracy = Assert.IsType<ChangeAccuracy>(result.Summary.Accuracy);
        Assert.Equal((0, 0), (accuracy.Candidates, accuracy.TruthChanges));
        Assert.Null(accuracy.Precision);
        Assert.Null(accuracy.Recall);
        Assert.Contains("precision n/a, recall n/a", ChangeSummaryText.Format(result.Summary), StringComparison.Ordinal);
    }

    private static void TileLayoutCell(ChangeResult result, TileResult tile, out int row, out int col)
    {
        if (!result.Layout.TryGetCell(tile, out row, out col))
        {
            throw new InvalidOperationException($"tile {tile.Id} not placed");
        }
    }
}
