using System.Diagnostics;
using System.Globalization;
using LandUse.Cli.Demo;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Training;
using LandUse.Synthetic.Tiles;
using LandUse.TestSupport;

namespace LandUse.Cli.Tests.Demo;

/// <summary>
/// The acceptance check that keeps the generator honest: the demo model (ResNet18 features, trained on seed 1)
/// must classify a fresh seed-2 set well, while the same head on colour statistics alone must not.
/// </summary>
[Collection(DemoGroup.Name)]
public sealed class DemoModelAccuracyTests
{
    private const double Required = 0.90;

    [Fact]
    public async Task Demo_model_beats_90_percent_on_fresh_tiles_while_colour_statistics_alone_stay_below()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = TestContext.Current.TestOutputHelper!;
        var clock = Stopwatch.StartNew();

        // Two callers at once: one builds (or finds the cache), the other waits on the lock; both get the same folder.
        var progress = new Progress<string>(line => log.WriteLine(line));
        var folders = await Task.WhenAll(DemoBundle.EnsureAsync(progress, ct), DemoBundle.EnsureAsync(progress, ct));
        Assert.Equal(folders[0], folders[1]);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo bundle ready after {clock.Elapsed.TotalSeconds:F1} s: {folders[0]}"));

        using var test = new TempFolder();
        await TileSetWriter.WriteAsync(test.Path, 100, 2, null, ct, LandUse.Scoring.Hosting.MachineCores.Count);
        var tiles = LabelScheme.Classes
            .SelectMany(c => Directory.GetFiles(Path.Combine(test.Path, c.ToString())).Order(StringComparer.Ordinal).Select(f => (Cover: c, Png: File.ReadAllBytes(f))))
            .ToArray();
        Assert.Equal(600, tiles.Length);

        clock.Restart();
        using var scorer = new OnnxTileScorer(ModelBundle.Load(folders[0]), new ScoringOptions());
        var predictions = scorer.Score(tiles.Select((t, i) => new TileInput(i.ToString(CultureInfo.InvariantCulture), t.Png)).ToArray(), ct);
        var model = Accuracy(predictions.Select(p => p.Label), tiles);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored 600 tiles in {clock.Elapsed.TotalSeconds:F1} s"));

        var colour = ColourBaseline(tiles, ct);

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"6-class accuracy on synth tiles --seed 2 --per-class 100: demo model {model:P1}, colour mean+std baseline {colour:P1}"));
        Assert.True(model >= Required, string.Create(CultureInfo.InvariantCulture, $"demo model {model:P1} < {Required:P0}"));
        Assert.True(colour < Required, string.Create(CultureInfo.InvariantCulture, $"colour statistics alone reach {colour:P1}: the generator is trivially separable"));
    }

    [Fact]
    public async Task Demo_int8_twin_names_its_parent_and_agrees_with_it_within_a_point_on_fresh_tiles()
    {
        var ct = TestContext.Current.CancellationToken;
        var fp32 = ModelBundle.Load(await DemoBundle.EnsureAsync(ModelPrecision.Fp32, null, ct));
        var int8 = ModelBundle.Load(await DemoBundle.EnsureAsync(ModelPrecision.Int8, null, ct));
        Assert.Equal(DemoBundle.Int8CacheFolder, int8.Folder.TrimEnd(Path.DirectorySeparatorChar));
        Assert.Equal(ModelPrecision.Int8, int8.Precision);
        Assert.Equal(fp32.Manifest.Version, int8.Manifest.Parent?.Version);
        Assert.Equal(fp32.Manifest.Sha256, int8.Manifest.Parent?.Sha256);

        using var test = new TempFolder();
        await TileSetWriter.WriteAsync(test.Path, 30, 2, null, ct, LandUse.Scoring.Hosting.MachineCores.Count);
        var tiles = LabelScheme.Classes
            .SelectMany(c => Directory.GetFiles(Path.Combine(test.Path, c.ToString())).Order(StringComparer.Ordinal).Select(f => (Cover: c, Png: File.ReadAllBytes(f))))
            .ToArray();
        var inputs = tiles.Select((t, i) => new TileInput(i.ToString(CultureInfo.InvariantCulture), t.Png)).ToArray();
        using var fp32Scorer = new OnnxTileScorer(fp32, new ScoringOptions());
        using var int8Scorer = new OnnxTileScorer(int8, new ScoringOptions());
        var a = fp32Scorer.Score(inputs, ct);
        var b = int8Scorer.Score(inputs, ct);

        var agreement = a.Zip(b).Count(p => p.First.Label == p.Second.Label) / (double)tiles.Length;
        var (accuracyA, accuracyB) = (Accuracy(a.Select(p => p.Label), tiles), Accuracy(b.Select(p => p.Label), tiles));
        TestContext.Current.TestOutputHelper!.WriteLine(string.Create(CultureInfo.InvariantCulture, $"180 fresh tiles: FP32 {accuracyA:P1}, INT8 {accuracyB:P1}, agreement {agreement:P1}"));
        Assert.True(agreement >= 0.98, string.Create(CultureInfo.InvariantCulture, $"INT8 agrees with FP32 on {agreement:P1} of tiles"));
        Assert.True(accuracyB >= accuracyA - 0.01, string.Create(CultureInfo.InvariantCulture, $"INT8 {accuracyB:P1} loses more than a point against FP32 {accuracyA:P1}"));
    }

    /// <summary>The same softmax head on per-channel mean and std only, trained on the demo's seed-1 tiles.</summary>
    private static double ColourBaseline((LandCover Cover, byte[] Png)[] test, CancellationToken ct)
    {
        var train = LabelScheme.Classes
            .SelectMany(c => Enumerable.Range(0, DemoBundle.PerClass).Select(i => (Cover: c, Index: i)))
            .AsParallel().AsOrdered()
            .Select(t => (t.Cover, Features: Png.ColourStatistics(TileGenerator.RenderPng(SyntheticLabels.Painter(t.Cover), TileGenerator.TileSeed(DemoBundle.TrainSeed, SyntheticLabels.Painter(t.Cover), t.Index)))))
            .ToArray();
        var head = SoftmaxHead.Train(train.Select(t => t.Features).ToArray(), train.Select(t => (int)t.Cover).ToArray(), LabelScheme.ClassCount, DemoBundle.TrainOptions.Head, ct);
        return Accuracy(test.Select(t => (LandCover?)head.PredictClass(Png.ColourStatistics(t.Png))), test);
    }

    private static double Accuracy(IEnumerable<LandCover?> predicted, (LandCover Cover, byte[] Png)[] truth) =>
        predicted.Zip(truth).Count(p => p.First == p.Second.Cover) / (double)truth.Length;
}
