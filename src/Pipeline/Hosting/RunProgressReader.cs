using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask.Client;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// Live progress of a ScoreRun instance: the parent's totals of finished pages plus what the pages still scoring
/// report, with rate and ETA measured from the instance's creation time. Used by the CLI and the status endpoint.
/// </summary>
public static class RunProgressReader
{
    public static async Task<(OrchestrationMetadata? Instance, RunProgress? Progress)> ReadAsync(
        DurableTaskClient client, string instanceId, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance?.SerializedCustomStatus is null)
        {
            return (instance, null);
        }

        var progress = instance.ReadCustomStatusAs<RunProgress>() ?? new RunProgress();
        long scored = progress.Scored, failed = progress.Failed, skipped = progress.Skipped;
        foreach (var page in progress.ActivePages)
        {
            var child = await client.GetInstanceAsync(ScoreRunOrchestrator.PageInstanceId(instanceId, page), getInputsAndOutputs: true, cancellationToken)
                .ConfigureAwait(false);
            if (child?.SerializedCustomStatus is not null && child.ReadCustomStatusAs<PageProgress>() is { } pageProgress)
            {
                scored += pageProgress.Scored;
                failed += pageProgress.Failed;
                skipped += pageProgress.Skipped;
            }
        }

        var seconds = ((time ?? TimeProvider.System).GetUtcNow() - instance.CreatedAt).TotalSeconds;
        var fresh = scored + failed - skipped;
        var rate = seconds > 0 ? fresh / seconds : 0;
        var left = Math.Max(0, progress.Listed - scored - failed);
        return (instance, progress with
        {
            Scored = scored,
            Failed = failed,
            Skipped = skipped,
            TilesPerSecond = Math.Round(rate, 2),
            EtaSeconds = rate > 0 ? Math.Round(left / rate, 1) : progress.EtaSeconds,
        });
    }
}
