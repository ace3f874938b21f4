using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Activities;

/// <summary>Records in the run ledger that the orchestration gave up, and why (finished batches stay for a resume).</summary>
[DurableTask(ActivityNames.FailRun)]
public sealed class FailRunActivity(PredictionStoreFactory predictionStores, ILogger<FailRunActivity> log) : TaskActivity<FailRunRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, FailRunRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(FailRunRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var store = predictionStores.Open(input.Run.Output);
        var run = await store.GetRunAsync(input.Run.RunId, cancellationToken).ConfigureAwait(false)
            ?? new RunRecord { RunId = input.Run.RunId, Source = input.Run.Source.DisplayName };
        await store.SaveRunAsync(
            run with { Status = RunStatus.Failed, Error = input.Error, FinishedAt = new DateTimeOffset(DateTime.SpecifyKind(input.FailedAt, DateTimeKind.Utc)) },
            cancellationToken).ConfigureAwait(false);
        PipelineLog.RunFailed(log, input.Run.RunId, input.Error);
        return true;
    }
}
