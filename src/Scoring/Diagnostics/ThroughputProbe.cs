using System.Diagnostics;
using System.Globalization;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Training;

namespace LandUse.Scoring.Diagnostics;

/// <summary>
/// Stopwatch throughput of the ResNet18 graph (raw model per batch size, then decode + model), for `landuse bench`
/// and the benchmarks' quick mode: machines too busy for BenchmarkDotNet still get comparable figures from one run.
/// </summary>
public static class ThroughputProbe
{
    public static void Run(ReadOnlySpan<byte> tile, IReadOnlyList<int> batchSizes, ExecutionProvider provider, int seconds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(output);
        var options = new ScoringOptions { Provider = provider };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cores {MachineCores.Count}, provider requested {provider}, ~{seconds} s per measurement"));
        foreach (var batch in batchSizes)
        {
            using var rig = new ModelRig(batch, tile, options with { BatchSize = batch });
            rig.Run();
            var (tiles, elapsed) = Measure(rig.Run, batch, seconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw model    batch {batch,3} on {rig.Provider}: {tiles / elapsed.TotalSeconds,6:F1} tiles/s ({tiles} tiles in {elapsed.TotalSeconds:F1} s)"));
        }

        var bytes = tile.ToArray();
        using var extractor = new FeatureExtractor(options with { BatchSize = 32 });
        var inputs = Enumerable.Range(0, 96).Select(i => new TileInput(i.ToString(CultureInfo.InvariantCulture), bytes)).ToArray();
        extractor.Extract(inputs.Take(32));
        var (decoded, took) = Measure(() => extractor.Extract(inputs), inputs.Length, seconds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decode+model batch  32 on {extractor.ActiveProvider}: {decoded / took.TotalSeconds,6:F1} tiles/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
    }

    private static (int Tiles, TimeSpan Elapsed) Measure(Action run, int perRun, int seconds)
    {
        var watch = Stopwatch.StartNew();
        var tiles = 0;
        do
        {
            run();
            tiles += perRun;
        }
        while (watch.Elapsed.TotalSeconds < seconds);
        return (tiles, watch.Elapsed);
    }
}
