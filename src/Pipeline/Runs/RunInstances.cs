using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask.Client;

namespace LandUse.Pipeline.Runs;

/// <summary>
/// A run's orchestration instances: the ScoreRun instance is named by the run id, its pages by
/// <see cref="ScoreRunOrchestrator.PageInstanceId"/>. Terminating and purging walk both, because backends differ in
/// honouring recursive termination and the SDK's recursive purge is unsupported.
/// </summary>
internal static class RunInstances
{
    /// <summary>Statuses in which an orchestration still owns its id.</summary>
    public static bool IsActive(OrchestrationMetadata? instance) =>
#pragma warning disable CS0618 // ContinuedAsNew is obsolete in the SDK, but a backend may still report it between two generations of a run.
        instance is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.ContinuedAsNew };
#pragma warning restore CS0618

    /// <summary>Terminates the run and every page still active.</summary>
    public static async Task TerminateAsync(DurableTaskClient client, string runId, string reason, CancellationToken cancellationToken)
    {
        await client.TerminateInstanceAsync(runId, new TerminateInstanceOptions(reason, Recursive: true), cancellationToken).ConfigureAwait(false);
        foreach (var page in await PagesAsync(client, runId, activeOnly: true, cancellationToken).ConfigureAwait(false))
        {
            await client.TerminateInstanceAsync(page, new TerminateInstanceOptions(reason, Recursive: true), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Purges the history of the run and its pages; how many instances went.</summary>
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
            InstanceIdPrefix = ScoreRunOrchestrator.PageInstancePrefix(runId),
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
