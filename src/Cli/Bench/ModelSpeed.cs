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
    /// <summary>
    /// Tiles/s of the raw model at each of <paramref name="batches"/>, with the provider that actually ran it: every batch
    /// size's session is opened first, then each is measured in turn for <paramref name="duration"/> / <paramref name="rounds"/>
    /// in each of <paramref name="rounds"/> rounds, and its figure is its tiles over its time across the rounds. On a machine
    /// whose speed drifts by 10 % from one 8-second window to the next, one window per batch size crowned whichever batch
    /// met the fastest window; interleaved, every batch size sees the same moments.
    /// </summary>
    public static (IReadOnlyList<double> TilesPerSecond, string Provider) Raw(
        ModelBundle bundle, byte[] tile, IReadOnlyList<int> batches, ExecutionProvider provider, TimeSpan duration, int rounds)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfZero(batches.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var rigs = new List<ModelRig>(batches.Count);
        try
        {
            foreach (var batch in batches)
            {
                var rig = new ModelRig(batch, tile, bundle, new ScoringOptions { BatchSize = batch, Provider = provider, IntraOpThreads = MachineCores.Count });
                rigs.Add(rig);
                rig.Run();
            }

            var tiles = new long[rigs.Count];
            var seconds = new double[rigs.Count];
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < rigs.Count; i++)
                {
                    var (done, took) = ThroughputProbe.Measure(rigs[i].Run, batches[i], duration / rounds);
                    tiles[i] += done;
                    seconds[i] += took.TotalSeconds;
                }
            }

            return ([.. tiles.Select((t, i) => t / seconds[i])], rigs[^1].Provider);
        }
        finally
        {
            foreach (var rig in rigs)
            {
                rig.Dispose();
            }
        }
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
