using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

/// <summary>
/// A run's orchestration instances in this app: the ScoreRun instance is named by the run id, its pages by
/// <see cref="ScoreRunOrchestrator.PageInstanceId"/>. Purging walks both, because the SDK's recursive purge is unsupported.
/// </summary>
internal static class RunInstances
{
    public static async Task<int> PurgeAsync(DurableTaskClient client, string runId, CancellationToken cancellationToken)
    {
        var pagePrefix = ScoreRunOrchestrator.PageInstanceId(runId, 0)[..^6];
        var pages = new List<string>();
        await foreach (var page in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = pagePrefix }).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            pages.Add(page.InstanceId);
        }

        var purged = 0;
        foreach (var id in pages.Append(runId))
        {
            var result = await client.PurgeInstanceAsync(id, cancellationToken).ConfigureAwait(false);
            purged += result.PurgedInstanceCount;
        }

        return purged;
    }
}
