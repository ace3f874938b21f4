using System.Diagnostics;
using System.Globalization;
using LandUse.Analysis.Change;
using LandUse.Analysis.Review;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Comparisons;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Hosting;
using LandUse.Synthetic.County;
using Microsoft.Extensions.Logging;

namespace LandUse.Cli.Demo;

/// <summary>
/// The end-to-end demo: demo model (built once, cached) → two-year synthetic county → both years through the durable
/// pipeline on the embedded engine → comparison. Every number it prints comes from the files it writes.
/// </summary>
internal static class DemoRunner
{
    /// <summary>Marks a folder as the demo's own, so a re-run may replace the county and runs it wrote before.</summary>
    public const string Marker = ".landuse-demo";

    public static async Task<DemoResult> RunAsync(DemoOptions options, IStageSink stages, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var outDir = PrepareOutDir(options.OutDir);

        var modelStage = stages.Begin("Demo model");
        var bundle = await DemoBundle.EnsureAsync(options.Precision, new Progress<string>(modelStage.Message), ct).ConfigureAwait(false);
        modelStage.Complete(bundle);

        var countyDir = Path.Combine(outDir, "county");
        var total = 2.0 * options.Rows * options.Cols;
        var countyStage = stages.Begin("Synthetic county");
        await CountyWriter.GenerateAsync(
            countyDir, options.Rows, options.Cols, options.Seed, new Progress<int>(n => countyStage.Update(n, total)), ct, MachineCores.Count).ConfigureAwait(false);
        countyStage.Complete(string.Create(CultureInfo.InvariantCulture, $"{options.Rows} x {options.Cols} tiles, {CountyPlan.Years[0]} and {CountyPlan.Years[1]}"));

        var runsDir = Path.Combine(outDir, "runs");
        var before = await RunYearAsync(CountyPlan.Years[0], countyDir, runsDir, bundle, options, stages, ct).ConfigureAwait(false);
        var after = await RunYearAsync(CountyPlan.Years[1], countyDir, runsDir, bundle, options, stages, ct).ConfigureAwait(false);

        var compareStage = stages.Begin("Compare");
        var comparison = await FolderComparison.RunAsync(
            new ComparisonRequest(before.RunId, after.RunId, ChangeOptions.Default, runsDir, outDir), Commands.TileSources.Open(null), ReviewOptions.Default, ct).ConfigureAwait(false);
        compareStage.Complete(string.Create(CultureInfo.InvariantCulture, $"{comparison.Summary.CandidateCount} candidate tiles"));

        return new DemoResult(bundle, countyDir, before, after, comparison, clock.Elapsed);
    }

    private static async Task<DemoYear> RunYearAsync(
        int year, string countyDir, string runsDir, string bundle, DemoOptions options, IStageSink stages, CancellationToken ct)
    {
        var runId = DemoOptions.RunId(year);
        var stage = stages.Begin($"Score {year}");
        var request = new RunRequest
        {
            RunId = runId,
            Source = TileSourceSpec.Local(Path.Combine(countyDir, year.ToString(CultureInfo.InvariantCulture))),
            ModelBundle = bundle,
            Output = PredictionTarget.Files(runsDir),
            BatchSize = options.BatchSize,
        }.Validate();
        var engine = new EmbeddedEngineOptions
        {
            ConfigureLogging = logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning),
        };
        var progress = new Progress<RunProgress>(p => stage.Update(
            p.Done, Math.Max(p.Listed, 1), string.Create(CultureInfo.InvariantCulture, $"{p.Phase}, {p.TilesPerSecond:0.0} tiles/s{(p.Accuracy6 is { } a ? $", {a * 100:0.0} % correct" : "")}")));
        var outcome = await LocalRun.ExecuteAsync(request, runsDir, new StorageConnections(), progress, engine, ct).ConfigureAwait(false);
        var folder = outcome.RunFolder ?? Path.Combine(runsDir, runId);
        var summary = RunSummary.FromJson(await File.ReadAllTextAsync(Path.Combine(folder, RunFiles.Summary), ct).ConfigureAwait(false));
        stage.Complete(string.Create(CultureInfo.InvariantCulture, $"{outcome.Scored} scored, {outcome.Failed} failed, {outcome.TilesPerSecond:0.0} tiles/s"));
        return new DemoYear(year, runId, folder, summary);
    }

    /// <summary>Creates the output folder; a folder the demo wrote before gets its county and runs replaced, any other must be empty.</summary>
    private static string PrepareOutDir(string outDir)
    {
        var full = Path.GetFullPath(outDir);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            if (!File.Exists(Path.Combine(full, Marker)))
            {
                throw new ArgumentException($"--out '{full}' is not empty and was not written by `landuse demo`; choose an empty or new folder.");
            }

            foreach (var owned in new[] { "county", "runs" })
            {
                var path = Path.Combine(full, owned);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
        }

        Directory.CreateDirectory(full);
        File.WriteAllText(Path.Combine(full, Marker), "written by landuse demo; its county/ and runs/ are replaced on the next demo run\n");
        return full;
    }
}
