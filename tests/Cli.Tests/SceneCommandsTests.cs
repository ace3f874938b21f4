using System.CommandLine;
using LandUse.Analysis.Summaries;
using LandUse.Geo.Tests.Support;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Cli.Tests;

/// <summary>
/// `landuse tile`, `label`, `train` and `run` on two generated NAIP-like scenes (UTM, 1 m, 4 bands, 224 px blocks)
/// and an NLCD raster in CONUS Albers: the path a user takes from downloaded scenes to a trained model and a run.
/// </summary>
public sealed class SceneCommandsTests : IDisposable
{
    // Two scenes side by side, 3 x 3 blocks each: 5 Forest, 5 Developed, 6 Cultivated, one water, one wetland.
    private static readonly BlockPlan West = BlockPlan.Parse("FDC", "DCF", "CFW");
    private static readonly BlockPlan East = BlockPlan.Parse("DFC", "FCD", "LDC");
    private static readonly BlockPlan Whole = BlockPlan.Parse("FDCDFC", "DCFFCD", "CFWLDC");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "landuse-cli-scenes", Guid.NewGuid().ToString("N"));

    public SceneCommandsTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Tile_label_train_run_from_two_scenes_to_a_run_with_three_class_accuracy()
    {
        SyntheticScenes.WriteScene(At("west.tif"), West, 224);
        SyntheticScenes.WriteScene(At("east.tif"), East, 224, originX: SyntheticScenes.OriginX + (3 * 224));
        SyntheticScenes.WriteNlcd(At("nlcd.tif"), Whole, 224);
        var tiles = At("tiles");

        var tile = await InvokeAsync("tile", At("west.tif"), At("east.tif"), "--out", tiles);
        var plurality = await InvokeAsync("label", tiles, "--nlcd", At("nlcd.tif"), "--agree", "plurality");
        var all = await InvokeAsync("label", tiles, "--nlcd", At("nlcd.tif"), "--out", At("train"));
        var train = await InvokeAsync("train", At("train"), "--out", At("bundle"), "--batch-size", "8");
        var run = await InvokeAsync("run", tiles, "--model", At("bundle"), "--run-id", "scenes", "--runs-dir", At("runs"), "--json");

        Assert.True(tile.Exit == 0, tile.Error);
        Assert.StartsWith("tiled 2 scene(s) (EPSG:26918) onto a 3 x 6 grid: wrote 18 tiles, skipped 0 mostly no-data, in ", tile.Output, StringComparison.Ordinal);
        Assert.True(plurality.Exit == 0, plurality.Error);
        Assert.Contains("labeled 16 of 18 tiles from NLCD (EPSG:5070), 9 points each, plurality", plurality.Output, StringComparison.Ordinal);
        Assert.Contains("blank 2: 2 not a class (water, ice, wetlands or other codes)", plurality.Output, StringComparison.Ordinal);
        Assert.True(all.Exit == 0, all.Error);
        Assert.Contains("per class: Barren 0, Forest 5, Shrub 0, Cultivated 6, Herbaceous 0, Developed 5", all.Output, StringComparison.Ordinal);
        Assert.Contains($"-> {At("train")}", all.Output, StringComparison.Ordinal);
        Assert.True(train.Exit == 0, train.Error);
        Assert.Contains("not trained on Barren, Shrub, Herbaceous: the model never predicts them (probability 0)", train.Output, StringComparison.Ordinal);
        Assert.True(run.Exit == 0, run.Error);

        var summary = RunSummary.FromJson(await File.ReadAllTextAsync(At("runs", "scenes", "summary.json"), TestContext.Current.CancellationToken));
        Assert.Equal((18L, 16L), (summary.Counts.Scored, summary.WithTruth));
        Assert.NotNull(summary.Metrics3);
        Assert.True(summary.Metrics3!.Accuracy >= 0.85, $"3-class accuracy {summary.Metrics3.Accuracy}");
        Assert.Equal(0, summary.PredictedByClass["Shrub"]);
        Assert.True(File.Exists(At("runs", "scenes", "report.html")));
        var rows = PredictionCsv.ReadFile(At("runs", "scenes", "predictions.csv"));
        Assert.All(rows, r => Assert.Equal(0f, r.Probabilities![(int)LandCover.Herbaceous]));
    }

    [Fact]
    public async Task Tile_names_a_bad_raster_in_one_line_and_leaves_no_output()
    {
        File.WriteAllText(At("notes.tif"), "not a tiff");

        var (exit, output, error) = await InvokeAsync("tile", At("notes.tif"), "--out", At("tiles"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith(At("notes.tif") + ": not a readable TIFF", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(Directory.Exists(At("tiles")));
    }

    [Theory]
    [InlineData("--points", "8", "--points must be a perfect square")]
    [InlineData("--agree", "most", "most")]
    public async Task Label_refuses_bad_options(string option, string value, string expected)
    {
        var (exit, _, error) = await InvokeAsync("label", _root, "--nlcd", At("nlcd.tif"), option, value);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tile_refuses_bands_that_are_not_numbers()
    {
        SyntheticScenes.WriteScene(At("a.tif"), West, 32, 7);

        var (exit, _, error) = await InvokeAsync("tile", At("a.tif"), "--out", At("t"), "--bands", "4,red,2");

        Assert.Equal(2, exit);
        Assert.Contains("'red' is not a number", error, StringComparison.Ordinal);
    }

    private string At(params string[] parts) => Path.Combine([_root, .. parts]);

    private static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LandUseCli.BuildRoot().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
