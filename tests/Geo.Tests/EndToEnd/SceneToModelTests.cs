using LandUse.Geo.Labeling;
using LandUse.Geo.Tests.Support;
using LandUse.Geo.Tiling;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Folders;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using LandUse.Scoring.Training;

namespace LandUse.Geo.Tests.EndToEnd;

/// <summary>
/// A 1 m, 4-band UTM scene of 224 px blocks → tile → label (all 9 points agree, NLCD in Albers) → train a real ResNet18
/// head on the three classes present → score: six probabilities a tile, 0 for the classes the model never saw.
/// </summary>
public sealed class SceneToModelTests : IDisposable
{
    private static readonly BlockPlan Plan = BlockPlan.Parse("FDCFD", "CFDCW", "DCFDC", "FMCFD");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Tile_label_train_score_runs_end_to_end_on_three_of_the_six_classes()
    {
        var ct = TestContext.Current.CancellationToken;
        var scene = _temp.Combine("m_4007701_ne_18_1_20160801.tif");
        SyntheticScenes.WriteScene(scene, Plan, 224, 1, 26918, adjust: s => s with { TileSide = 256 });
        SyntheticScenes.WriteNlcd(_temp.Combine("nlcd.tif"), Plan, 224, 26918);
        var tiles = _temp.Combine("tiles");

        var tiled = SceneTiler.Run([scene], tiles, new TileOptions(), null, ct);
        var labeled = TileLabeler.Run(tiles, _temp.Combine("nlcd.tif"), new LabelOptions(), ct);
        var options = new TrainOptions { ValidationFraction = 0.2, Head = new SoftmaxHeadOptions { Iterations = 150 }, Scoring = new() { BatchSize = 8 } };
        var trained = await BundleTrainer.TrainAsync(labeled.Output, _temp.Combine("bundle"), options, null, ct);
        var bundle = ModelBundle.Load(_temp.Combine("bundle"));
        using var scorer = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = 8 });
        var summary = await FolderScorer.ScoreAsync(scorer, labeled.Output, _temp.Combine("predictions.csv"), new ScoringOptions { BatchSize = 8 }, ct);

        Assert.Equal((20, 0), (tiled.Written, tiled.SkippedNoData));
        Assert.Equal((18, 1, 1), (labeled.Labeled, labeled.Dropped[DropReason.NotAClass], labeled.Dropped[DropReason.Disagree]));
        LandCover[] present = [LandCover.Forest, LandCover.Cultivated, LandCover.Developed];
        Assert.Equal(present, trained.Classes);
        Assert.Equal(["Forest", "Cultivated", "Developed"], bundle.Manifest.Labels);
        Assert.Equal(present, bundle.Labels);
        Assert.Equal((18, 0), (summary.Scored, summary.Failed));

        Assert.Equal(PredictionCsv.HeaderLine, File.ReadLines(_temp.Combine("predictions.csv")).First());
        var rows = PredictionCsv.ReadFile(_temp.Combine("predictions.csv")).ToList();
        Assert.All(rows, r =>
        {
            Assert.Equal(6, r.Probabilities!.Count);
            Assert.Equal(1f, r.Probabilities.Sum(), 1e-4f);
            Assert.All(LabelScheme.Classes.Except(present), c => Assert.Equal(0f, r.Probabilities[(int)c]));
            Assert.Contains(r.Label!.Value, present);
        });
        var right = rows.Count(r => r.Path.StartsWith(r.Label + "/", StringComparison.Ordinal));
        Assert.True(right >= 16, $"only {right} of 18 tiles scored as the class of their block");
    }
}
