using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

/// <summary>
/// A run's orchestration instances in this app: the ScoreRun instance is named by the run id, its pages by
/// <see cref="ScoreRunOrchestrator.PageInstanceId"/>. Purging walks both, because the SDK's recursive purge is unsupported.
/// </summary>
internal static class RunInstances
{
    /// <summary>Terminates the run and every page still active (backends differ in honouring recursive termination).</summary>
    public static async Task TerminateAsync(DurableTaskClient client, string runId, string reason, CancellationToken cancellationToken)
    {
        await client.TerminateInstanceAsync(runId, new TerminateInstanceOptions(reason, Recursive: true), cancellationToken).ConfigureAwait(false);
        foreach (var page in await PagesAsync(client, runId, activeOnly: true, cancellationToken).ConfigureAwait(false))
        {
            await client.TerminateInstanceAsync(page, new TerminateInstanceOptions(reason, Recursive: true), cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<int> PurgeAsync(DurableTaskClient client, string runId, CancellationToken cancellationToken)
    {
        var pages = await PagesAsync(client, runId, activeOnly: false, cancellationToken).ConfigureAwait(false);
        var purged = 0;
        foreach (var id in pages.Append(runId))
        {
            var result = await client.PurgeInstanceAsync(id, cancellationToken).ConfigureAwait(false);
            purged += result.PurgedInstanceCount;
        }

        return purged;
    }

    private static async Task<List<string>> PagesAsync(DurableTaskClient client, string runId, bool activeOnly, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = ScoreRunOrchestrator.PageInstanceId(runId, 0)[..^6],
            Statuses = activeOnly
                ? [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended]
                : null,
        };
        var pages = new List<string>();
        await foreach (var page in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            pages.Add(page.InstanceId);
        }

        return pages;
    }
}
