using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using Microsoft.DurableTask.Client;

namespace LandUse.Pipeline.Runs;

public sealed partial class RunControl
{
    /// <summary>
    /// Cancels at once: terminates the run and its page sub-orchestrations (rows already written stay) and marks the
    /// ledger Cancelled and releases the orchestration's lease. In-flight batches may still land; a restart of the id resumes.
    /// </summary>
    public async Task<RunCancel> CancelAsync(DurableTaskClient client, string runId, PredictionTarget target, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        RunIds.Validate(runId);
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return new RunCancel(CancelOutcome.NotFound);
        }

        if (!RunInstances.IsActive(instance))
        {
            return new RunCancel(CancelOutcome.NotActive, instance.RuntimeStatus.ToString());
        }

        await RunInstances.TerminateAsync(client, runId, reason, cancellationToken).ConfigureAwait(false);
        var ledger = ledgers.Open(target);
        if (await ledger.GetAsync(runId, cancellationToken).ConfigureAwait(false) is { Status: RunStatus.Running } record)
        {
            await ledger.SaveAsync(record with { Status = RunStatus.Cancelled, Error = reason, FinishedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            if (record.Request is { } request)
            {
                await RunWrites.EndAsync(ledgers, request, cancellationToken).ConfigureAwait(false);
            }
        }

        LogCancelled(logger, runId, reason);
        return new RunCancel(CancelOutcome.Cancelled);
    }

    /// <summary>
    /// Asks the run to stop gracefully: no more listing or batches, the batches in flight finish and are written, then
    /// the ledger says Cancelled and the run's outcome comes back with that status. False when the run is not active.
    /// </summary>
    public async Task<bool> StopAsync(DurableTaskClient client, string runId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(RunIds.Validate(runId), getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (!RunInstances.IsActive(instance))
        {
            return false;
        }

        await client.RaiseEventAsync(runId, OrchestrationNames.StopEvent, reason, cancellationToken).ConfigureAwait(false);
        LogStopping(logger, runId, reason);
        return true;
    }
}
