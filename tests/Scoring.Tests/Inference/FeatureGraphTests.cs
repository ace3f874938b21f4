using LandUse.Scoring.Inference;
using LandUse.Scoring.Tests.Support;
using LandUse.Scoring.Training;

namespace LandUse.Scoring.Tests.Inference;

public sealed class FeatureGraphTests
{
    [Fact]
    public void Features_do_not_depend_on_batch_size_or_position_in_the_batch()
    {
        var developed = File.ReadAllBytes(Samples.Developed224);
        var other = File.ReadAllBytes(Samples.Undeveloped224);
        TileInput[] tiles = [new("a", developed), new("b", other), new("c", developed)];

        using var single = new FeatureExtractor(new ScoringOptions { BatchSize = 1 });
        using var pairs = new FeatureExtractor(new ScoringOptions { BatchSize = 2 });
        var one = single.Extract(tiles, cancellationToken: TestContext.Current.CancellationToken);
        var two = pairs.Extract(tiles, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b", "c"], two.Select(r => r.Ref));
        for (var i = 0; i < tiles.Length; i++)
        {
            Assert.Equal(512, two[i].Features!.Length);
            for (var f = 0; f < 512; f++)
            {
                Assert.Equal(one[i].Features![f], two[i].Features![f], 1e-4f);
            }
        }

        Assert.Equal(one[0].Features!, one[2].Features!);
        Assert.NotEqual(one[0].Features!, one[1].Features!);
        Assert.True(one[0].Features!.Max() > 0.1f, "ReLU + average pooling gives non-negative, non-trivial features");
    }
}
