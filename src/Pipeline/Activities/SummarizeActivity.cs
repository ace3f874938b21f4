using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Runs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Activities;

/// <summary>
/// The fan-in's last step: builds the run summary from the merged counts (no per-tile data), writes the run folder's
/// files when results are local, and records the completed run with its summary in the ledger.
/// </summary>
[DurableTask(ActivityNames.Summarize)]
public sealed class SummarizeActivity(PredictionStoreFactory predictionStores, ILogger<SummarizeActivity> log)
    : TaskActivity<SummarizeRequest, RunOutcome>
{
    public override Task<RunOutcome> RunAsync(TaskActivityContext context, SummarizeRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<RunOutcome> ExecuteAsync(SummarizeRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = input.Run;
        var totals = input.Totals;
        if (totals.Tiles != input.Listed)
        {
            PipelineLog.CountsMismatch(log, run.RunId, input.Listed, totals.Tiles);
        }

        var started = new DateTimeOffset(DateTime.SpecifyKind(input.StartedAt, DateTimeKind.Utc));
        var finished = new DateTimeOffset(DateTime.SpecifyKind(input.FinishedAt, DateTimeKind.Utc));
        var summary = RunSummaryBuilder.Build(totals.ToRunTotals(run.RunId, run.Source.DisplayName, input.ModelVersion, input.Listed, started, finished));
        var store = predictionStores.Open(run.Output);
        var folder = store.RunFolder(run.RunId);
        if (folder is not null)
        {
            await RunArtifacts.WriteAsync(folder, store.ReadRunAsync(run.RunId, input.Pages, cancellationToken), summary, cancellationToken)
                .ConfigureAwait(false);
        }

        var seconds = Math.Max(0, (finished - started).TotalSeconds);
        var fresh = totals.Tiles - totals.Skipped;
        var rate = seconds > 0 ? fresh / seconds : 0;
        var record = await store.GetRunAsync(run.RunId, cancellationToken).ConfigureAwait(false) ?? new RunRecord { RunId = run.RunId };
        await store.SaveRunAsync(
            record with
            {
                Status = RunStatus.Completed,
                Source = run.Source.DisplayName,
                ModelVersion = input.ModelVersion,
                Listed = input.Listed,
                Scored = totals.Scored,
                Failed = totals.Failed,
                Skipped = totals.Skipped,
                Resized = totals.Resized,
                Pages = input.Pages,
                StartedAt = started,
                FinishedAt = finished,
                Seconds = seconds,
                TilesPerSecond = rate,
                SummaryJson = summary.ToJson(),
                Error = null,
            },
            cancellationToken).ConfigureAwait(false);
        PipelineLog.RunCompleted(log, run.RunId, input.Listed, totals.Scored, totals.Failed, totals.Skipped);
        return new RunOutcome(
            run.RunId, input.ModelVersion, input.Listed, totals.Scored, totals.Failed, totals.Skipped, totals.Resized,
            input.Pages, seconds, rate, folder);
    }
}
