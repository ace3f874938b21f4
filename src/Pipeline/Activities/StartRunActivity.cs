using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Activities;

/// <summary>
/// Prepares the run's storage, loads the model once to learn its version (a registry model is downloaded and its sha256
/// verified first, so a corrupt one fails the run before anything is scored), and records the run as running, unless
/// the run's lease has passed to another holder (then it fails with <see cref="RunLeaseLostException"/> and writes
/// nothing).
/// </summary>
[DurableTask(ActivityNames.StartRun)]
public sealed class StartRunActivity(
    PredictionStoreFactory predictionStores, RunLedgers ledgers, IScoringBackendProvider backends, ILogger<StartRunActivity> log)
    : TaskActivity<StartRunRequest, RunStarted>
{
    public override Task<RunStarted> RunAsync(TaskActivityContext context, StartRunRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<RunStarted> ExecuteAsync(StartRunRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = input.Run.Validate();
        if (!await RunWrites.HoldsLeaseAsync(ledgers, run, cancellationToken).ConfigureAwait(false))
        {
            throw RunLeaseLostException.For(run.RunId);
        }

        var store = predictionStores.Open(run.Output);
        await store.PrepareAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var modelVersion = await backends.Get(run.ModelSource()).GetModelVersionAsync(cancellationToken).ConfigureAwait(false);
        await ledgers.Open(run.Output).SaveAsync(
            new RunRecord
            {
                RunId = run.RunId,
                Status = RunStatus.Running,
                Source = run.Source.DisplayName,
                ModelVersion = modelVersion,
                StartedAt = new DateTimeOffset(DateTime.SpecifyKind(input.StartedAt, DateTimeKind.Utc)),
                Request = run,
            },
            cancellationToken).ConfigureAwait(false);
        PipelineLog.RunStarted(log, run.RunId, run.Source.DisplayName, modelVersion);
        return new RunStarted(modelVersion);
    }
}
