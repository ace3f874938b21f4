using System.CommandLine;
using LandUse.Scoring.Backbone;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using LandUse.Scoring.Training;

namespace LandUse.Cli.Tests;

/// <summary>`landuse score` on a folder with broken and odd tiles, with a real fused ResNet18 bundle.</summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "landuse-cli-score", Guid.NewGuid().ToString("N"));

    public ScoreCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Score_writes_every_row_with_reasons_for_bad_tiles_and_exits_0()
    {
        var bundle = Path.Combine(_root, "bundle");
        WriteRandomHeadBundle(bundle);
        var tiles = Path.Combine(_root, "tiles");
        Directory.CreateDirectory(Path.Combine(tiles, "2010"));
        var samples = Path.Combine(AppContext.BaseDirectory, "Samples");
        File.Copy(Path.Combine(samples, "naip-developed-224.png"), Path.Combine(tiles, "good.png"));
        File.Copy(Path.Combine(samples, "oddsize-rgba-acton-2010.png"), Path.Combine(tiles, "2010", "odd rgba, 385x287.png"));
        File.WriteAllBytes(Path.Combine(tiles, "corrupt.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. "this is not really a png"u8]);
        File.WriteAllBytes(Path.Combine(tiles, "zero.png"), []);
        File.WriteAllText(Path.Combine(tiles, "tiles.csv"), "id,row,col\n");
        var csv = Path.Combine(_root, "out", "predictions.csv");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await LandUseCli.BuildRoot()
            .Parse(["score", tiles, "--model", bundle, "--out", csv, "--batch-size", "2"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("scored 2, failed 2, resized 1", output.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(PredictionCsv.HeaderLine + "\n", await File.ReadAllTextAsync(csv, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var rows = PredictionCsv.ReadFile(csv).ToDictionary(r => r.Path);
        Assert.Equal(["2010/odd rgba, 385x287.png", "corrupt.png", "good.png", "zero.png"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.True(rows["good.png"].Succeeded);
        Assert.True(rows["2010/odd rgba, 385x287.png"].Succeeded);
        Assert.Equal(1f, rows["good.png"].Probabilities!.Sum(), 1e-4f);
        Assert.Contains("Empty", rows["zero.png"].Error, StringComparison.Ordinal);
        Assert.Null(rows["zero.png"].Label);
        Assert.NotNull(rows["corrupt.png"].Error);
    }

    [Fact]
    public async Task Score_with_a_broken_bundle_names_it_and_fails()
    {
        var missing = Path.Combine(_root, "no-bundle");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await LandUseCli.BuildRoot()
            .Parse(["score", _root, "--model", missing, "--out", Path.Combine(_root, "p.csv")])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exit);
        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A real fused graph (backbone + a head fitted on random features): the test needs scoring, not accuracy.</summary>
    private static void WriteRandomHeadBundle(string folder)
    {
        var random = new Random(1);
        var features = Enumerable.Range(0, 24).Select(_ => Enumerable.Range(0, BackboneGraph.FeatureCount).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var labels = Enumerable.Range(0, 24).Select(i => i % LabelScheme.ClassCount).ToArray();
        var head = SoftmaxHead.Train(features, labels, LabelScheme.ClassCount, new SoftmaxHeadOptions { Iterations = 5 }, TestContext.Current.CancellationToken);
        FusedBundleWriter.Write(folder, head, "cli-test");
    }
}
