using System.Globalization;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Inference.Staged;

namespace LandUse.Scoring.Diagnostics;

/// <summary>
/// Throughput of the GPU worker's scoring path (<see cref="StagedTileScorer"/>, IOBinding on CUDA) per batch size:
/// inference alone on one decoded batch (copy in, run, copy out: "without decode"), decode alone on every core, and
/// both overlapped through <see cref="StagedPipeline"/> as the worker runs them ("with decode"). The pipelined figure
/// is at most the smaller of the other two; the one it meets is the wall.
/// </summary>
public static class StagedThroughput
{
    public static IReadOnlyList<StagedTiming> Run(ModelBundle bundle, ReadOnlySpan<byte> tile, IReadOnlyList<int> batchSizes, ExecutionProvider provider, int seconds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        var bytes = tile.ToArray();
        var duration = TimeSpan.FromSeconds(seconds);
        var timings = new List<StagedTiming>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker path (two-stage scorer, {StagedTileScorer.DefaultDepth} decoded batches queued), model {bundle.Version}, {MachineCores.Count} cores for decode, ~{seconds} s per figure"));
        foreach (var batch in batchSizes)
        {
            using var scorer = new StagedTileScorer(bundle, new ScoringOptions { BatchSize = batch, Provider = provider });
            var tiles = Enumerable.Range(0, scorer.BatchSize).Select(i => new TileInput(i.ToString(CultureInfo.InvariantCulture), bytes)).ToArray();
            double inference;
            using (var decoded = scorer.DecodeAsync(tiles).AsTask().GetAwaiter().GetResult())
            {
                scorer.RunModel(decoded);
                var (done, took) = ThroughputProbe.Measure(() => scorer.RunModel(decoded), tiles.Length, duration);
                inference = done / took.TotalSeconds;
            }

            var (decodedTiles, decodeTook) = ThroughputProbe.Measure(() => scorer.DecodeAsync(tiles).AsTask().GetAwaiter().GetResult().Dispose(), tiles.Length, duration);
            var pipelined = Pipelined(scorer, tiles, duration);
            var timing = new StagedTiming(scorer.BatchSize, scorer.ActiveProvider, inference, decodedTiles / decodeTook.TotalSeconds, pipelined);
            timings.Add(timing);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worker path  batch {timing.Batch,3} on {timing.Provider}: without decode {timing.InferenceTilesPerSecond,7:F1} tiles/s, with decode (pipelined) {timing.PipelinedTilesPerSecond,7:F1} tiles/s, decode alone {timing.DecodeTilesPerSecond,7:F1} tiles/s"));
        }

        return timings;
    }

    private static double Pipelined(StagedTileScorer scorer, TileInput[] tiles, TimeSpan duration)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var scored = 0L;

        async IAsyncEnumerable<TileInput[]> Batches()
        {
            while (watch.Elapsed < duration)
            {
                yield return tiles;
                await Task.Yield();
            }
        }

        StagedPipeline.RunAsync(scorer, Batches(), b => b, (_, p) => scored += p.Count, scorer.Depth, CancellationToken.None)
            .GetAwaiter().GetResult();
        return scored / watch.Elapsed.TotalSeconds;
    }
}

/// <summary>One batch size of the worker path: tiles/s without decode, decode alone, and both overlapped.</summary>
public sealed record StagedTiming(int Batch, string Provider, double InferenceTilesPerSecond, double DecodeTilesPerSecond, double PipelinedTilesPerSecond);
