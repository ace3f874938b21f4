using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Activities;

/// <summary>
/// Records in the run ledger that the orchestration gave up, and why, or that it was stopped on request (Cancelled, with
/// the counts of the batches that finished); finished batches stay for a resume either way. A run whose lease passed to
/// another holder records nothing (the ledger is the new holder's); an orchestration's own lease is released.
/// </summary>
[DurableTask(ActivityNames.FailRun)]
public sealed class FailRunActivity(RunLedgers ledgers, ILogger<FailRunActivity> log) : TaskActivity<FailRunRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, FailRunRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(FailRunRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await RunWrites.HoldsLeaseAsync(ledgers, input.Run, cancellationToken).ConfigureAwait(false))
        {
            PipelineLog.RunFailed(log, input.Run.RunId, RunLeaseLostException.For(input.Run.RunId).Message);
            return false;
        }

        var ledger = ledgers.Open(input.Run.Output);
        var run = await ledger.GetAsync(input.Run.RunId, cancellationToken).ConfigureAwait(false)
            ?? new RunRecord { RunId = input.Run.RunId, Source = input.Run.Source.DisplayName };
        var finished = new DateTimeOffset(DateTime.SpecifyKind(input.FailedAt, DateTimeKind.Utc));
        var record = run with { Status = input.Cancelled ? RunStatus.Cancelled : RunStatus.Failed, Error = input.Error, FinishedAt = finished };
        if (input.Counts is { } counts)
        {
            var seconds = run.StartedAt is { } started ? Math.Max(0, (finished - started).TotalSeconds) : (double?)null;
            record = record with
            {
                Counts = counts,
                Listed = input.Listed,
                Pages = input.Pages,
                Seconds = seconds,
                TilesPerSecond = seconds is { } s ? Scoring.Output.Throughput.TilesPerSecond(counts.Fresh, s) : null,
            };
        }

        await ledger.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        await RunWrites.EndAsync(ledgers, input.Run, cancellationToken).ConfigureAwait(false);
        if (input.Cancelled)
        {
            PipelineLog.RunCancelled(log, input.Run.RunId, (input.Counts ?? TileCounts.Empty).Tiles, input.Listed);
        }
        else
        {
            PipelineLog.RunFailed(log, input.Run.RunId, input.Error);
        }

        return true;
    }
}
