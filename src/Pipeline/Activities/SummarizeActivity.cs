using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.GeoJson;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Activities;

/// <summary>
/// The fan-in's last step: builds the run summary from the merged counts (no per-tile data), writes the run's artifacts
/// through its sink (the run folder, or <c>runs/&lt;runId&gt;/</c> in the results container), whatever the output kind, and
/// records the completed run with its summary in the ledger, then releases an orchestration's own lease. A run whose
/// lease passed to another holder writes nothing and fails with <see cref="RunLeaseLostException"/>.
/// </summary>
[DurableTask(ActivityNames.Summarize)]
public sealed class SummarizeActivity(
    PredictionStoreFactory predictionStores, RunLedgers ledgers, ArtifactSinks sinks, TileStoreFactory tileStores, ILogger<SummarizeActivity> log)
    : TaskActivity<SummarizeRequest, RunOutcome>
{
    public override Task<RunOutcome> RunAsync(TaskActivityContext context, SummarizeRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<RunOutcome> ExecuteAsync(SummarizeRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = input.Run;
        var totals = input.Totals;
        if (!await RunWrites.HoldsLeaseAsync(ledgers, run, cancellationToken).ConfigureAwait(false))
        {
            throw RunLeaseLostException.For(run.RunId);
        }

        if (totals.Tiles != input.Listed)
        {
            PipelineLog.CountsMismatch(log, run.RunId, input.Listed, totals.Tiles);
        }

        var started = new DateTimeOffset(DateTime.SpecifyKind(input.StartedAt, DateTimeKind.Utc));
        var finished = new DateTimeOffset(DateTime.SpecifyKind(input.FinishedAt, DateTimeKind.Utc));
        var built = RunSummaryBuilder.Build(new RunTotals
        {
            RunId = run.RunId,
            Source = run.Source.DisplayName,
            ModelVersion = input.ModelVersion,
            Listed = input.Listed,
            Counts = totals,
            Started = started,
            Finished = finished,
        });
        var store = predictionStores.Open(run.Output);
        var target = run.ResultsTarget();
        var sink = sinks.ForRun(target, run.RunId);
        var footprints = new StoreFootprints(tileStores.Open(run.Source));
        var summary = await RunArtifactWriter.WriteAsync(sink, store.ReadRunAsync(run.RunId, input.Pages, cancellationToken), built, footprints, cancellationToken)
            .ConfigureAwait(false);
        foreach (var warning in summary.Warnings ?? [])
        {
            PipelineLog.ReportWarning(log, run.RunId, warning);
        }

        var seconds = Math.Max(0, (finished - started).TotalSeconds);
        var rate = summary.Timings.TilesPerSecond ?? 0;
        var ledger = ledgers.Open(run.Output);
        var record = await ledger.GetAsync(run.RunId, cancellationToken).ConfigureAwait(false) ?? new RunRecord { RunId = run.RunId };
        await ledger.SaveAsync(
            record with
            {
                Status = RunStatus.Completed,
                Source = run.Source.DisplayName,
                ModelVersion = input.ModelVersion,
                Listed = input.Listed,
                Counts = totals,
                Pages = input.Pages,
                StartedAt = started,
                FinishedAt = finished,
                Seconds = seconds,
                TilesPerSecond = rate,
                Summary = summary,
                ArtifactsAt = sink.Location,
                Error = null,
            },
            cancellationToken).ConfigureAwait(false);
        await RunWrites.EndAsync(ledgers, run, cancellationToken).ConfigureAwait(false);
        PipelineLog.RunCompleted(log, run.RunId, input.Listed, totals.Scored, totals.Failed, totals.Skipped);
        return new RunOutcome(
            run.RunId, input.ModelVersion, input.Listed, totals.Scored, totals.Failed, totals.Skipped, totals.Resized,
            input.Pages, seconds, rate, target.Kind == ArtifactTargetKind.Folder ? sink.Location : null, sink.Location);
    }
}
