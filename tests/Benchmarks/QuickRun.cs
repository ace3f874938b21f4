using System.Diagnostics;
using System.Globalization;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Training;

namespace LandUse.Benchmarks;

/// <summary>A Stopwatch measurement for machines too busy for BenchmarkDotNet: raw model and decode+model tiles/s.</summary>
internal static class QuickRun
{
    public static void Run(ExecutionProvider provider, int seconds)
    {
        var options = new ScoringOptions { Provider = provider };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cores {MachineCores.Count}, provider requested {provider}, ~{seconds} s per batch size"));
        foreach (var batch in new[] { 1, 8, 32 })
        {
            using var rig = new ModelRig(batch, options with { BatchSize = batch });
            rig.Run();
            var (tiles, elapsed) = Measure(() => rig.Run(), batch, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw model  batch {batch,2} on {rig.Provider}: {tiles / elapsed.TotalSeconds,6:F1} tiles/s ({tiles} tiles in {elapsed.TotalSeconds:F1} s)"));
        }

        var tile = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "naip-developed-224.png"));
        using var extractor = new FeatureExtractor(options with { BatchSize = 32 });
        var inputs = Enumerable.Range(0, 96).Select(i => new TileInput(i.ToString(CultureInfo.InvariantCulture), tile)).ToArray();
        extractor.Extract(inputs.Take(32));
        var (decoded, took) = Measure(() => extractor.Extract(inputs), inputs.Length, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decode+model batch 32 on {extractor.ActiveProvider}: {decoded / took.TotalSeconds,6:F1} tiles/s"));
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
