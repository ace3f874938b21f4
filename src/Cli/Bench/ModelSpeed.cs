using System.Diagnostics;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Diagnostics;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference;

namespace LandUse.Cli.Bench;

/// <summary>
/// The model alone: one session with every core's intra-op thread, one call at a time (the raw figure per batch size);
/// the same graph in lanes (<see cref="CoreBudget"/>: concurrent calls, one thread each, no decoding); and decoding
/// alone on one core.
/// </summary>
internal static class ModelSpeed
{
    /// <summary>Tiles/s of the raw model at <paramref name="batch"/>, with the provider that actually ran it.</summary>
    public static (double TilesPerSecond, string Provider) Raw(ModelBundle bundle, byte[] tile, int batch, ExecutionProvider provider, TimeSpan duration)
    {
        using var rig = new ModelRig(batch, tile, bundle, new ScoringOptions { BatchSize = batch, Provider = provider, IntraOpThreads = MachineCores.Count });
        rig.Run();
        return (Measure(rig.Run, batch, duration), rig.Provider);
    }

    /// <summary>Tiles/s of the model in the CPU lanes the scorer uses, each lane calling it back to back at <paramref name="batch"/>.</summary>
    public static double Lanes(ModelBundle bundle, byte[] tile, int batch, TimeSpan duration)
    {
        var budget = CoreBudget.ForMachine();
        var rigs = Enumerable.Range(0, budget.Lanes)
            .Select(_ => new ModelRig(batch, tile, bundle, new ScoringOptions { BatchSize = batch, IntraOpThreads = budget.IntraOpThreads }))
            .ToArray();
        try
        {
            foreach (var rig in rigs)
            {
                rig.Run();
            }

            var tiles = 0L;
            var watch = Stopwatch.StartNew();
            var threads = rigs.Select(rig => new Thread(() =>
            {
                while (watch.Elapsed < duration)
                {
                    rig.Run();
                    Interlocked.Add(ref tiles, batch);
                }
            })).ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            return tiles / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var rig in rigs)
            {
                rig.Dispose();
            }
        }
    }

    /// <summary>Tiles/s decoded into tensors on one thread (the scorer's decoder and the bundle's input spec).</summary>
    public static double DecodePerCore(ModelBundle bundle, IReadOnlyList<byte[]> tiles, TimeSpan duration)
    {
        var decoder = new TileDecoder(InputSpec.From(bundle.Manifest));
        var tensor = new float[decoder.Spec.TensorLength];
        var next = 0;
        decoder.Decode("warm-up", tiles[0], tensor);
        return Measure(() => decoder.Decode("bench", tiles[next++ % tiles.Count], tensor), 1, duration);
    }

    private static double Measure(Action run, int perRun, TimeSpan duration)
    {
        var (tiles, elapsed) = ThroughputProbe.Measure(run, perRun, duration);
        return tiles / elapsed.TotalSeconds;
    }
}
