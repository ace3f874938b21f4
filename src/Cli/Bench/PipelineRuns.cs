using System.Diagnostics;
using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Backends.NoOp;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Cli.Bench;

/// <summary>
/// Real durable runs on the embedded engine, as `landuse run` does them (listing, manifests, batches, rows, summary,
/// report, all on disk), timed from the start request to the outcome: with the real model (the model loaded first,
/// its load timed apart), or with the no-op scorer for the cost of everything but the model.
/// </summary>
internal static class PipelineRuns
{
    /// <summary>How one run went.</summary>
    public sealed record Timing(long Tiles, double Seconds, double ModelLoadSeconds, int Pages, int Generations, long PeakWorkingSetMb, bool PeakIsOwn)
    {
        public double TilesPerSecond => Tiles / Seconds;

        public double MsPerTile => Seconds * 1000 / Tiles;
    }

    public static async Task<Timing> RunAsync(string tiles, string runsDir, string runId, string modelBundle, bool noOp, ExecutionProvider provider, long expected, CancellationToken ct)
    {
        var ownPeak = PeakMemory.Reset();
        var options = new EmbeddedEngineOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
            ConfigureServices = services =>
            {
                services.AddSingleton(new StorageConnections());
                services.AddSingleton(new ScoringOptions { Provider = provider });
                if (noOp)
                {
                    services.AddSingleton<IScoringBackendProvider>(new NoOpScoringBackendProvider());
                }
            },
        };
        var engine = await EmbeddedEngine.StartAsync(options, ct).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            var load = Stopwatch.StartNew();
            await engine.Services.GetRequiredService<IScoringBackendProvider>().Get(modelBundle).GetModelVersionAsync(ct).ConfigureAwait(false);
            load.Stop();
            var request = new RunRequest
            {
                RunId = runId,
                Source = TileSourceSpec.Local(tiles),
                ModelBundle = modelBundle,
                Output = PredictionTarget.Files(runsDir),
            }.Validate();
            var watch = Stopwatch.StartNew();
            await engine.Control.StartAsync(engine.Client, request, ct).ConfigureAwait(false);
            var outcome = await engine.Control.WaitAsync(engine.Client, runId, request.Output, null, engine.PollInterval, CancellationToken.None, ct).ConfigureAwait(false);
            watch.Stop();
            var summary = Path.Combine(runsDir, runId, Analysis.Runs.RunFiles.Summary);
            if (outcome.Status != RunStatus.Completed || outcome.Listed != expected || outcome.Scored != expected || outcome.Failed != 0 || !File.Exists(summary))
            {
                throw new InvalidOperationException(
                    $"Benchmark run {runId} did not complete as expected: {outcome.Status}, {outcome.Listed} listed, {outcome.Scored} scored, {outcome.Failed} failed of {expected}.");
            }

            // ScoreRun's custom status counts the generations it continued as new from (0 for the first).
            var instance = await engine.Client.GetInstanceAsync(runId, getInputsAndOutputs: true, ct).ConfigureAwait(false);
            var generations = (instance?.ReadCustomStatusAs<RunProgress>()?.Generation ?? 0) + 1;
            return new Timing(expected, watch.Elapsed.TotalSeconds, load.Elapsed.TotalSeconds, outcome.Pages, generations, PeakMemory.PeakMb(), ownPeak);
        }
    }
}
