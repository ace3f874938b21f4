using System.Diagnostics;
using System.Globalization;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Training;

namespace LandUse.Scoring.Diagnostics;

/// <summary>
/// Stopwatch throughput of a bundle or the ResNet18 graph (raw model per batch size, then decode + model), for `landuse bench`
/// and the benchmarks' quick mode: machines too busy for BenchmarkDotNet still get comparable figures from one run.
/// </summary>
public static class ThroughputProbe
{
    /// <summary>Measures <paramref name="bundle"/>'s graph, or the ResNet18 feature graph when it is null.</summary>
    public static void Run(ReadOnlySpan<byte> tile, IReadOnlyList<int> batchSizes, ExecutionProvider provider, int seconds, TextWriter output, ModelBundle? bundle = null)
    {
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(output);
        var options = new ScoringOptions { Provider = provider };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cores {MachineCores.Count}, provider requested {provider}, ~{seconds} s per measurement"));
        output.WriteLine(bundle is null ? $"model ResNet18 feature graph, precision {ModelPrecision.Fp32}" : $"model {bundle.Version}, precision {bundle.Precision}");
        foreach (var batch in batchSizes)
        {
            using var rig = new ModelRig(batch, tile, bundle, options with { BatchSize = batch });
            rig.Run();
            var (tiles, elapsed) = Measure(rig.Run, batch, TimeSpan.FromSeconds(seconds));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw model    batch {batch,3} on {rig.Provider}: {tiles / elapsed.TotalSeconds,6:F1} tiles/s ({tiles} tiles in {elapsed.TotalSeconds:F1} s)"));
        }

        var bytes = tile.ToArray();
        var inputs = Enumerable.Range(0, 96).Select(i => new TileInput(i.ToString(CultureInfo.InvariantCulture), bytes)).ToArray();
        var (score, provider32, dispose) = DecodeAndModel(bundle, options with { BatchSize = 32 });
        using (dispose)
        {
            score(inputs.Take(32).ToArray());
            var (decoded, took) = Measure(() => score(inputs), inputs.Length, TimeSpan.FromSeconds(seconds));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decode+model batch  32 on {provider32}: {decoded / took.TotalSeconds,6:F1} tiles/s"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
    }

    /// <summary>The scoring path: the bundle's scorer, or feature extraction on the feature graph.</summary>
    private static (Action<TileInput[]> Score, string Provider, IDisposable Owner) DecodeAndModel(ModelBundle? bundle, ScoringOptions options)
    {
        if (bundle is null)
        {
            var extractor = new FeatureExtractor(options);
            return (tiles => extractor.Extract(tiles), extractor.ActiveProvider, extractor);
        }

        var scorer = new OnnxTileScorer(bundle, options);
        return (tiles => scorer.Score(tiles), scorer.ActiveProvider, scorer);
    }

    /// <summary>Runs <paramref name="run"/> back to back for at least <paramref name="duration"/>; returns tiles done and time taken.</summary>
    public static (int Tiles, TimeSpan Elapsed) Measure(Action run, int perRun, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var tiles = 0;
        do
        {
            run();
            tiles += perRun;
        }
        while (watch.Elapsed < duration);
        return (tiles, watch.Elapsed);
    }
}
