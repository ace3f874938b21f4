using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;

namespace LandUse.Cli.Bench;

/// <summary>
/// `landuse bench --noop-tiles N`: one no-op run of N tiny files through the embedded engine and nothing else, in a
/// process of its own, for the scale figures of docs/SCALING.md (a 1,000,000-tile run: cost per tile, peak working set,
/// pages and ScoreRun generations). The files are made first and are not counted in the run's time.
/// </summary>
internal static class NoOpScale
{
    /// <summary>What the run measured, as its JSON object.</summary>
    public sealed record Figures(
        [property: JsonPropertyName("noop_tiles")] long Tiles,
        [property: JsonPropertyName("orchestration_ms_per_tile")] double MsPerTile,
        [property: JsonPropertyName("peak_working_set_mb")] long PeakWorkingSetMb,
        [property: JsonPropertyName("pages")] int Pages,
        [property: JsonPropertyName("generations")] int Generations,
        [property: JsonPropertyName("run_seconds")] double RunSeconds,
        [property: JsonPropertyName("files_seconds")] double FilesSeconds,
        [property: JsonPropertyName("cores")] int Cores)
    {
        private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

        public string ToJson() => JsonSerializer.Serialize(this, Indented);

        public string ToLine() => string.Create(CultureInfo.InvariantCulture,
            $"no-op run of {Tiles:N0} tiles on {Cores} cores: {MsPerTile:F3} ms/tile ({RunSeconds:F0} s), peak working set {PeakWorkingSetMb} MiB, {Pages:N0} pages in {Generations} ScoreRun generations (files made in {FilesSeconds:F0} s first)");
    }

    public static async Task<Figures> RunAsync(int tiles, string modelBundle, TextWriter progress, CancellationToken ct)
    {
        using var bench = new BenchTiles(samples: false);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"making {tiles:N0} tiny files under {bench.Root}"));
        var files = Stopwatch.StartNew();
        var folder = bench.Tiny(tiles);
        files.Stop();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"no-op run of {tiles:N0} tiles"));
        var run = await PipelineRuns.RunAsync(folder, Path.Combine(bench.Root, "runs"), "bench-noop-scale", modelBundle, noOp: true, ExecutionProvider.Cpu, tiles, ct).ConfigureAwait(false);
        return new Figures(
            run.Tiles, Math.Round(run.MsPerTile, 4), run.PeakWorkingSetMb, run.Pages, run.Generations,
            Math.Round(run.Seconds, 1), Math.Round(files.Elapsed.TotalSeconds, 1), MachineCores.Count);
    }
}
