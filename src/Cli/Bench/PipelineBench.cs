using System.Diagnostics;
using System.Globalization;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;

namespace LandUse.Cli.Bench;

/// <summary>
/// `landuse bench`: every figure in ONE process on the same synthetic tiles, so ratios hold even on a busy machine.
/// In order: a real run with the model (its peak working set measured from a reset high-water mark, before anything
/// else loads), right after it the raw model at batch 1, 8, 32 and 64 (in interleaved rounds) and in lanes (so the
/// ratio compares neighbours in time), decoding on one core, no-op runs of 10,000 (and without --quick 100,000) tiles
/// for the orchestration's cost per tile, and Table Storage rows/s on Azurite.
/// </summary>
internal static class PipelineBench
{
    public static readonly int[] RawBatches = [1, 8, 32, 64];

    /// <summary>How big each stage is; each raw batch size's <see cref="PerMeasurement"/> is spread over <see cref="RawRounds"/> interleaved rounds.</summary>
    public sealed record Plan(bool Quick, int EndToEndTiles, int OrchestrationTiles, int? OrchestrationTilesLarge, TimeSpan PerMeasurement, int RawRounds)
    {
        public static Plan For(bool quick, int? seconds) => quick
            ? new Plan(true, 256, 10_000, null, TimeSpan.FromSeconds(seconds ?? 2), 2)
            : new Plan(false, 10_000, 10_000, 100_000, TimeSpan.FromSeconds(seconds ?? 8), 4);
    }

    public static async Task<BenchFigures> RunAsync(ModelBundle bundle, Plan plan, ExecutionProvider provider, TextWriter progress, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var loadBefore = PeakMemory.LoadAverage();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: cores {MachineCores.Describe()}, {CoreBudget.ForMachine()}, load {loadBefore:F2}, model {bundle.Version} ({bundle.Precision})"));
        using var tiles = new BenchTiles();
        var runs = Path.Combine(tiles.Root, "runs");

        progress.WriteLine($"end to end: a real run of {plan.EndToEndTiles:N0} tiles with the model, batch 32");
        var e2e = await PipelineRuns.RunAsync(tiles.Grid(plan.EndToEndTiles), runs, "bench-e2e", bundle.Folder, noOp: false, provider, plan.EndToEndTiles, ct).ConfigureAwait(false);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {e2e.TilesPerSecond:F1} tiles/s ({e2e.Seconds:F1} s, model loaded in {e2e.ModelLoadSeconds:F1} s before), peak working set {e2e.PeakWorkingSetMb} MiB"));

        var byBatch = new Dictionary<string, double>(StringComparer.Ordinal);
        var (rates, usedProvider) = ModelSpeed.Raw(bundle, tiles.Samples[5], RawBatches, provider, plan.PerMeasurement, plan.RawRounds);
        for (var i = 0; i < RawBatches.Length; i++)
        {
            byBatch[RawBatches[i].ToString(CultureInfo.InvariantCulture)] = Math.Round(rates[i], 2);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"raw model batch {RawBatches[i],2} on {usedProvider}: {rates[i]:F1} tiles/s ({plan.RawRounds} interleaved rounds)"));
        }

        var laneBatch = new ScoringOptions().ModelBatchSize;
        var lanes = usedProvider == "CPU" ? ModelSpeed.Lanes(bundle, tiles.Samples[5], laneBatch, plan.PerMeasurement) : 0;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw model in lanes ({CoreBudget.ForMachine()}, batch {laneBatch}): {lanes:F1} tiles/s"));
        var decode = ModelSpeed.DecodePerCore(bundle, tiles.Samples, plan.PerMeasurement / 2);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decode on one core: {decode:F0} tiles/s"));
        progress.WriteLine($"orchestration: a no-op run of {plan.OrchestrationTiles:N0} tiles");
        var orchestration = await PipelineRuns.RunAsync(tiles.Tiny(plan.OrchestrationTiles), runs, "bench-noop", bundle.Folder, noOp: true, provider, plan.OrchestrationTiles, ct)
            .ConfigureAwait(false);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {orchestration.MsPerTile:F3} ms/tile, peak working set {orchestration.PeakWorkingSetMb} MiB"));
        PipelineRuns.Timing? large = null;
        if (plan.OrchestrationTilesLarge is { } count)
        {
            progress.WriteLine($"orchestration: a no-op run of {count:N0} tiles");
            large = await PipelineRuns.RunAsync(tiles.Tiny(count), runs, "bench-noop-large", bundle.Folder, noOp: true, provider, count, ct).ConfigureAwait(false);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {large.MsPerTile:F3} ms/tile, peak working set {large.PeakWorkingSetMb} MiB"));
        }

        var (table, reason) = await TableSpeed.MeasureAsync(plan.PerMeasurement, ct).ConfigureAwait(false);
        progress.WriteLine(table is { } t ? string.Create(CultureInfo.InvariantCulture, $"table rows (Azurite): {t:F0} rows/s") : $"table rows: not measured: {reason}");

        var best = byBatch.MaxBy(kv => kv.Value);
        var ratio = e2e.TilesPerSecond / best.Value;
        return new BenchFigures
        {
            RawTilesPerSecond = best.Value,
            RawBestBatch = int.Parse(best.Key, CultureInfo.InvariantCulture),
            RawByBatch = byBatch,
            RawLanesTilesPerSecond = Math.Round(lanes, 2),
            RawLanesBatch = laneBatch,
            DecodeTilesPerSecondPerCore = Math.Round(decode, 1),
            EndToEndTilesPerSecond = Math.Round(e2e.TilesPerSecond, 2),
            EndToEndTiles = e2e.Tiles,
            ModelLoadSeconds = Math.Round(e2e.ModelLoadSeconds, 2),
            Ratio = Math.Round(ratio, 3),
            OrchestrationMsPerTile = Math.Round(orchestration.MsPerTile, 4),
            OrchestrationTiles = orchestration.Tiles,
            OrchestrationMsPerTile100k = large is null ? null : Math.Round(large.MsPerTile, 4),
            PeakWorkingSetMb = e2e.PeakWorkingSetMb,
            OrchestrationPeakWorkingSetMb = orchestration.PeakWorkingSetMb,
            OrchestrationPeakWorkingSetMb100k = large?.PeakWorkingSetMb,
            PeaksPerStage = e2e.PeakIsOwn,
            TableRowsPerSecond = table is { } rows ? Math.Round(rows, 1) : null,
            TableRowsPerSecondReason = reason,
            Provider = usedProvider,
            Cores = MachineCores.Count,
            CoreBudget = CoreBudget.ForMachine().ToString(),
            EndToEndTilesPerSecondPerCore = Math.Round(e2e.TilesPerSecond / MachineCores.Count, 2),
            Model = $"{bundle.Version} ({bundle.Precision})",
            Quick = plan.Quick,
            LoadBefore = loadBefore,
            LoadAfter = PeakMemory.LoadAverage(),
            Seconds = Math.Round(total.Elapsed.TotalSeconds, 1),
            Targets =
            [
                new BenchTarget("ratio", ">= 0.95", Math.Round(ratio, 3), ratio >= 0.95),
                new BenchTarget("orchestration_ms_per_tile", "<= 1", Math.Round(orchestration.MsPerTile, 4), orchestration.MsPerTile <= 1),
                new BenchTarget("orchestration_ms_per_tile_100k", "<= 1", large is null ? null : Math.Round(large.MsPerTile, 4), large is null ? null : large.MsPerTile <= 1),
                new BenchTarget("peak_working_set_mb", plan.EndToEndTiles >= 10_000 ? "<= 500 (10,000-tile run, batch 32)" : $"<= 500 (measured on a {plan.EndToEndTiles:N0}-tile run, batch 32)",
                    e2e.PeakWorkingSetMb, e2e.PeakWorkingSetMb <= 500),
            ],
        };
    }
}
