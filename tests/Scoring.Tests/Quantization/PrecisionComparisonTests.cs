using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Quantization;
using LandUse.Scoring.Tests.Support;
using LandUse.Scoring.Training;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Quantization;

/// <summary>The side-by-side comparison on tiny real graphs: a float model against the same model with a quantized input.</summary>
public sealed class PrecisionComparisonTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Both_models_are_scored_on_the_same_tiles_with_accuracy_agreement_and_feature_cosine()
    {
        var fp32 = TinyModel.WriteBundle(_temp.Combine("fp32"));
        var int8 = ModelBundleWriter.Write(_temp.Combine("int8"), TinyModel.Build(quantizedInput: true),
            TinyModel.Manifest() with { Precision = ModelPrecision.Int8, Parent = ParentModel.Of(fp32.Manifest), Version = "tiny-1-int8" });
        var tiles = WriteTiles(("red", 250, 10, 10, LandCover.Barren), ("green", 10, 250, 10, LandCover.Forest), ("blue", 10, 10, 250, LandCover.Shrub), ("grey", 120, 120, 120, LandCover.Developed));

        var report = PrecisionComparison.Compare(fp32, int8, tiles, new ScoringOptions { BatchSize = 3 }, null, TestContext.Current.CancellationToken);

        Assert.Equal(4, report.Tiles);
        Assert.Empty(report.Failed);
        Assert.Equal("flat", report.FeatureTensor);
        Assert.Equal((ModelPrecision.Fp32, "tiny-1"), (report.Reference.Precision, report.Reference.Version));
        Assert.Equal((ModelPrecision.Int8, "tiny-1-int8"), (report.Candidate.Precision, report.Candidate.Version));

        // The tiny model's best output is the strongest colour channel: red, green, blue tiles are right, the grey one is not.
        Assert.Equal(0.75, report.Reference.Accuracy6, 1e-9);
        Assert.Equal(0.75, report.Candidate.Accuracy6, 1e-9);
        Assert.Equal(1.0, report.Agreement);
        Assert.InRange(report.MeanCosine, 0.9999, 1.0 + 1e-9);
        Assert.True(report.Reference.TilesPerSecond > 0 && report.Candidate.TilesPerSecond > 0);
    }

    [Fact]
    public void Bundles_that_expect_different_inputs_are_not_compared()
    {
        var fp32 = TinyModel.WriteBundle(_temp.Combine("a"));
        var other = TinyModel.WriteBundle(_temp.Combine("b"), TinyModel.Manifest() with { Mean = [0.5f, 0.5f, 0.5f] });

        var ex = Assert.Throws<ArgumentException>(() => PrecisionComparison.Compare(fp32, other, [], new ScoringOptions(), null, TestContext.Current.CancellationToken));
        Assert.Contains("expect different inputs", ex.Message, StringComparison.Ordinal);
    }

    private List<LabeledTile> WriteTiles(params (string Name, byte R, byte G, byte B, LandCover Label)[] tiles)
    {
        var list = new List<LabeledTile>();
        foreach (var (name, r, g, b, label) in tiles)
        {
            var path = _temp.Combine(name + ".png");
            File.WriteAllBytes(path, Images.SolidPng(TinyModel.Side, TinyModel.Side, r, g, b));
            list.Add(new LabeledTile(path, label));
        }

        return list;
    }
}
