using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Predictions;
using Microsoft.DurableTask.Client;

namespace LandUse.Pipeline.Runs;

public sealed partial class RunControl
{
    /// <summary>
    /// Purges the run's orchestration history (its pages included); with <paramref name="withPredictions"/> also its
    /// prediction rows, page manifests, artifacts, ledger row and lease (a file run's whole folder). Refuses an active run,
    /// also one a live <c>landuse run</c> process holds (its status names the holder).
    /// </summary>
    public async Task<RunPurge> PurgeAsync(DurableTaskClient? client, string runId, PredictionTarget target, bool withPredictions, CancellationToken cancellationToken)
    {
        RunIds.Validate(runId);
        var instance = client is null ? null : await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (RunInstances.IsActive(instance))
        {
            return new RunPurge(true, instance!.RuntimeStatus.ToString(), 0);
        }

        var lease = await ledgers.Leases(target).GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (lease is { Kind: Pipeline.Ledger.Leases.RunLeaseKind.Process } && !lease.IsStale(time.GetUtcNow()))
        {
            return new RunPurge(true, $"Running (held by {lease.Describe()})", 0);
        }

        var ledger = ledgers.Open(target);
        var record = await ledger.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (instance is null && record is null && !withPredictions)
        {
            return new RunPurge(false, null, 0);
        }

        var purged = instance is null ? 0 : await RunInstances.PurgeAsync(client!, runId, cancellationToken).ConfigureAwait(false);
        if (!withPredictions)
        {
            LogPurged(logger, runId, purged, 0, 0);
            return new RunPurge(true, null, purged);
        }

        var store = predictionStores.Open(target);
        var deleted = await store.DeleteRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var artifacts = await ArtifactsOf(record, target, runId).DeleteAllAsync(cancellationToken).ConfigureAwait(false);
        var ledgerRow = await ledger.DeleteAsync(runId, cancellationToken).ConfigureAwait(false);
        if (lease is not null)
        {
            await ledgers.Leases(target).ReleaseAsync(runId, lease.Owner, cancellationToken).ConfigureAwait(false);
        }
        if (store.RunFolder(runId) is { } folder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var found = instance is not null || record is not null || ledgerRow || artifacts > 0 || deleted is not { Predictions: 0, Pages: 0 };
        LogPurged(logger, runId, purged, deleted.Predictions, artifacts);
        return new RunPurge(found, null, purged, deleted, ledgerRow, artifacts);
    }
}
