using System.Globalization;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;

namespace LandUse.Scoring.Diagnostics;

/// <summary>
/// Throughput of two bundles (FP32 and its INT8 twin) in ONE process, in alternating rounds per batch size (A B, B A,
/// A B, …), so load from other processes falls on both alike and the ratio holds even when absolute figures do not.
/// Raw model at each batch size, then decode + model through the scorer at batch 32.
/// </summary>
public static class PrecisionBenchmark
{
    public const int DecodeBatch = 32;

    public static IReadOnlyList<PrecisionTiming> Run(ModelBundle reference, ModelBundle candidate, ReadOnlySpan<byte> tile, IReadOnlyList<int> batchSizes,
        ExecutionProvider provider, int seconds, int rounds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var options = new ScoringOptions { Provider = provider };
        var perRound = TimeSpan.FromSeconds((double)seconds / rounds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cores {MachineCores.Count}, provider requested {provider}, {rounds} alternating rounds of {perRound.TotalSeconds:F1} s per model and batch size"));
        output.WriteLine($"A: {reference.Version} ({reference.Precision})   B: {candidate.Version} ({candidate.Precision})");
        output.WriteLine("what                 batch  A tiles/s  B tiles/s  B/A   (B/A per round: min-max)");
        var timings = new List<PrecisionTiming>();
        foreach (var batch in batchSizes)
        {
            using var a = new ModelRig(batch, tile, reference, options with { BatchSize = batch });
            using var b = new ModelRig(batch, tile, candidate, options with { BatchSize = batch });
            timings.Add(Alternate("raw model", batch, a.Run, b.Run, batch, perRound, rounds, output));
        }

        var bytes = tile.ToArray();
        var inputs = Enumerable.Range(0, DecodeBatch * 2).Select(i => new TileInput(i.ToString(CultureInfo.InvariantCulture), bytes)).ToArray();
        using (var a = new OnnxTileScorer(reference, options with { BatchSize = DecodeBatch }))
        using (var b = new OnnxTileScorer(candidate, options with { BatchSize = DecodeBatch }))
        {
            timings.Add(Alternate("decode+model", DecodeBatch, () => a.Score(inputs), () => b.Score(inputs), inputs.Length, perRound, rounds, output));
        }

        return timings;
    }

    private static PrecisionTiming Alternate(string what, int batch, Action runA, Action runB, int tilesPerRun, TimeSpan perRound, int rounds, TextWriter output)
    {
        runA();
        runB();
        var (tilesA, tilesB) = (0L, 0L);
        var (timeA, timeB) = (TimeSpan.Zero, TimeSpan.Zero);
        var ratios = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            (int Tiles, TimeSpan Elapsed) ra, rb;
            if (round % 2 == 0)
            {
                ra = ThroughputProbe.Measure(runA, tilesPerRun, perRound);
                rb = ThroughputProbe.Measure(runB, tilesPerRun, perRound);
            }
            else
            {
                rb = ThroughputProbe.Measure(runB, tilesPerRun, perRound);
                ra = ThroughputProbe.Measure(runA, tilesPerRun, perRound);
            }

            (tilesA, tilesB, timeA, timeB) = (tilesA + ra.Tiles, tilesB + rb.Tiles, timeA + ra.Elapsed, timeB + rb.Elapsed);
            ratios.Add(rb.Tiles / rb.Elapsed.TotalSeconds / (ra.Tiles / ra.Elapsed.TotalSeconds));
        }

        var timing = new PrecisionTiming(what, batch, tilesA / timeA.TotalSeconds, tilesB / timeB.TotalSeconds, ratios.Min(), ratios.Max());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-20} {batch,5}  {timing.ReferenceTilesPerSecond,9:F1}  {timing.CandidateTilesPerSecond,9:F1}  {timing.Ratio,4:F2}x ({timing.MinRoundRatio:F2}-{timing.MaxRoundRatio:F2})"));
        return timing;
    }
}

/// <summary>One alternating measurement: tiles/s of the reference (A) and the candidate (B), and B/A overall and per round.</summary>
public sealed record PrecisionTiming(string What, int Batch, double ReferenceTilesPerSecond, double CandidateTilesPerSecond, double MinRoundRatio, double MaxRoundRatio)
{
    public double Ratio => CandidateTilesPerSecond / ReferenceTilesPerSecond;
}
