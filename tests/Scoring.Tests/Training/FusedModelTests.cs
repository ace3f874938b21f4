using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Tests.Support;
using LandUse.Scoring.Training;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Training;

/// <summary>The real ResNet18 backbone: training, the fused graph, and scoring real and broken tiles.</summary>
public sealed class FusedModelTests(TrainedBundleFixture trained) : IClassFixture<TrainedBundleFixture>
{
    [Fact]
    public void Training_reports_stratified_counts_and_accuracy()
    {
        var report = trained.Report;
        Assert.Equal(24, report.TrainCount);
        Assert.Equal(6, report.ValidationCount);
        Assert.All(LabelScheme.Classes, c => Assert.Equal((4, 1), (report.TrainCounts[c], report.ValidationCounts[c])));
        Assert.Equal(LabelScheme.Classes, report.Classes);
        Assert.InRange(report.ValidationAccuracy6, 0.0, 1.0);
        Assert.True(report.ValidationAccuracy3 >= report.ValidationAccuracy6);
        Assert.Equal(6, report.ValidationConfusion.Sum(r => r.Sum()));
        Assert.Empty(report.Failed);
        Assert.Contains(trained.Progress, p => p.Stage == "features" && p.Done == 30);
        Assert.Equal("probabilities", trained.Bundle.Manifest.OutputKind);
        Assert.Equal((1f, 0f), (trained.Bundle.Manifest.PixelScale, trained.Bundle.Manifest.Mean[0]));
    }

    [Fact]
    public void Fused_model_agrees_with_backbone_then_head_within_1e_4()
    {
        var tiles = new[]
        {
            new TileInput("dev", File.ReadAllBytes(Samples.Developed224)),
            new TileInput("undev", File.ReadAllBytes(Samples.Undeveloped224)),
            new TileInput("forest", LabeledTiles.Tile(LandCover.Forest, 99)),
        };
        using var extractor = new FeatureExtractor(new ScoringOptions { BatchSize = 3 });
        var features = extractor.Extract(tiles, cancellationToken: TestContext.Current.CancellationToken);
        var head = SoftmaxHead.Train(
            [.. features.Select(f => f.Features!), .. features.Select(f => f.Features!.Select(v => v * 0.5f).ToArray())],
            [5, 4, 1, 0, 2, 3], LabelScheme.ClassCount, new SoftmaxHeadOptions { Iterations = 60 }, TestContext.Current.CancellationToken);

        using var temp = new TempFolder();
        var bundle = FusedBundleWriter.Write(temp.Path, head, "agreement");
        using var scorer = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = 2 });
        var fused = scorer.Score(tiles, TestContext.Current.CancellationToken);

        for (var i = 0; i < tiles.Length; i++)
        {
            var separate = head.Predict(features[i].Features!);
            for (var c = 0; c < LabelScheme.ClassCount; c++)
            {
                Assert.True(Math.Abs(separate[c] - fused[i].Probabilities![c]) <= 1e-4f, $"tile {i} class {c}: separate {separate[c]} fused {fused[i].Probabilities![c]}");
            }
        }
    }

    [Fact]
    public void Real_model_scores_partial_batches_in_order_with_error_rows()
    {
        var good = File.ReadAllBytes(Samples.Developed224);
        TileInput[] tiles =
        [
            new("a.png", good),
            new("zero.png", Array.Empty<byte>()),
            new("odd.png", File.ReadAllBytes(Samples.OddSizeRgba)),
            new("corrupt.png", good.AsMemory(0, 4000)),
            new("b.png", good),
        ];
        using var scorer = new OnnxTileScorer(trained.Bundle, new ScoringOptions { BatchSize = 2 });

        var p = scorer.Score(tiles, TestContext.Current.CancellationToken);

        Assert.Equal(tiles.Select(t => t.Ref), p.Select(x => x.Ref));
        Assert.Equal([true, false, true, false, true], p.Select(x => x.Succeeded));
        Assert.True(p[2].Resized);
        Assert.Equal(p[0].Probabilities!, p[4].Probabilities!);
        Assert.Equal(1f, p[2].Probabilities!.Sum(), 1e-4f);
        Assert.Contains("'corrupt.png'", p[3].Error, StringComparison.Ordinal);
    }
}
