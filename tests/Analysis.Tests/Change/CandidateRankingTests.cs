using LandUse.Analysis.Change;
using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Change;

/// <summary>Candidate confidence from the model's probabilities, and the review order it gives.</summary>
public sealed class CandidateRankingTests
{
    [Fact]
    public void Confidence_is_the_from_group_probability_in_A_times_the_to_group_probability_in_B()
    {
        // A: Forest 0.6 + Shrub 0.2 (Undeveloped 0.8 with Barren 0 and Herbaceous 0), Developed 0.2; B: Developed 0.9.
        var a = Tile("a/r0000_c0000.png", LandCover.Forest, [0f, 0.6f, 0.2f, 0f, 0f, 0.2f]);
        var b = Tile("b/r0000_c0000.png", LandCover.Developed, [0f, 0.05f, 0f, 0.05f, 0f, 0.9f]);

        var candidate = Assert.Single(ChangeDetector.Detect("a", [a], "b", [b]).Candidates);

        Assert.Equal(0.6, candidate.ALabelProbability!.Value, 1e-6);
        Assert.Equal(0.8, candidate.FromProbability!.Value, 1e-6);
        Assert.Equal(0.9, candidate.BLabelProbability!.Value, 1e-6);
        Assert.Equal(0.9, candidate.ToProbability!.Value, 1e-6);
        Assert.Equal(0.72, candidate.Confidence!.Value, 1e-6);
    }

    [Fact]
    public void A_side_compared_by_truth_is_certain_and_a_side_without_probabilities_is_unknown()
    {
        var a = Tile("a/r0000_c0000.png", LandCover.Forest, null) with { Truth = LandCover.Forest };
        var b = Tile("b/r0000_c0000.png", LandCover.Developed, [0f, 0.25f, 0f, 0f, 0f, 0.75f]);

        var truthA = Assert.Single(ChangeDetector.Detect("a", [a], "b", [b], new ChangeOptions { ATruth = true }).Candidates);
        var bare = Assert.Single(ChangeDetector.Detect("a", [a], "b", [b]).Candidates);

        Assert.Equal((1.0, 1.0), (truthA.ALabelProbability, truthA.FromProbability));
        Assert.Equal(0.75, truthA.Confidence!.Value, 1e-6);
        Assert.Null(bare.FromProbability);
        Assert.Null(bare.Confidence);
    }

    [Fact]
    public void Most_confident_first_then_unknown_confidence_last_ties_by_id()
    {
        var high = Candidate("r2", 0.9, 0.9);
        var low = Candidate("r1", 0.5, 0.5);
        var tieA = Candidate("r3", 0.6, 0.5);
        var tieB = Candidate("r0", 0.5, 0.6);
        var unknown = Candidate("r00", null, 0.99);

        var ranked = CandidateRanking.MostConfidentFirst([low, unknown, tieA, high, tieB]);

        Assert.Equal(["r2", "r0", "r3", "r1", "r00"], ranked.Select(r => r.Candidate.Id));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Candidates_csv_is_in_review_order_with_probabilities_confidence_and_rank_at_the_end()
    {
        var ranked = CandidateRanking.MostConfidentFirst([Candidate("low", 0.5, 0.5), Candidate("high", 0.9, 0.8) with { ALabelProbability = 0.75 }]);
        using var writer = new StringWriter();

        CandidatesCsv.Write(writer, ranked);

        var lines = writer.ToString().Split('\n');
        Assert.Equal("path,id,row,col,from,to,lat,lon,a_path,a_label,b_label,truth_changed,a_p,b_p,confidence,rank", lines[0]);
        Assert.Equal("b/high.png,high,0,0,Undeveloped,Developed,42.5,-71.25,a/high.png,Forest,Developed,,0.75,,0.72,1", lines[1]);
        Assert.EndsWith(",0.25,2", lines[2], StringComparison.Ordinal);
    }

    private static TileResult Tile(string path, LandCover label, float[]? p) =>
        new(path, TileResult.IdFromPath(path), label, null, p, null, 0, 0, null, null);

    private static ChangeCandidate Candidate(string id, double? from, double? to) =>
        new($"b/{id}.png", id, 0, 0, LandGroup.Undeveloped, LandGroup.Developed, 42.5, -71.25, $"a/{id}.png", LandCover.Forest, LandCover.Developed, null)
        {
            FromProbability = from,
            ToProbability = to,
        };
}
