using LandUse.Analysis.Change;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Comparisons;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace LandUse.Pipeline.Runs;

public sealed partial class RunControl
{
    /// <summary>
    /// Starts the CompareRuns orchestration over two completed runs of one store; its status and result read at
    /// <see cref="StatusAsync"/> under the comparison id, its files land under <c>compare/&lt;id&gt;/</c> of <paramref name="results"/>.
    /// </summary>
    public async Task<CompareStart> StartCompareAsync(
        DurableTaskClient client, string runA, string runB, ChangeOptions options, PredictionTarget target, ArtifactTarget results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var ledger = ledgers.Open(target);
        foreach (var runId in new[] { runA, runB })
        {
            var record = await ledger.GetAsync(runId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return new CompareStart("", CompareOutcome.RunNotFound, runId);
            }

            if (record.Summary is null)
            {
                return new CompareStart("", CompareOutcome.RunNotCompleted, runId, record.Status.ToString());
            }
        }

        var id = ComparisonIds.Of(runA, runB);
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (RunInstances.IsActive(existing))
        {
            return new CompareStart(id, CompareOutcome.AlreadyActive, id, existing!.RuntimeStatus.ToString());
        }

        if (existing is not null)
        {
            await client.PurgeInstanceAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var input = new CompareRunsRequest(id, runA, runB, options, target, results);
        await client.ScheduleNewOrchestrationInstanceAsync(
            OrchestrationNames.CompareRuns, input, new StartOrchestrationOptions { InstanceId = id }, cancellationToken).ConfigureAwait(false);
        return new CompareStart(id, CompareOutcome.Started);
    }
}
