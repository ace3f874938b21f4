using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask.Client;

namespace LandUse.Pipeline.Runs;

/// <summary>
/// Live progress of a ScoreRun instance: the parent's counts of finished pages plus what the pages still scoring
/// report, with rate and ETA measured from the instance's creation time (the one tiles/s definition). Used by run
/// control for the CLI's progress lines, the ledger's progress entry and the status endpoint.
/// </summary>
public static class RunProgressReader
{
    public static async Task<(OrchestrationMetadata? Instance, RunProgress? Progress)> ReadAsync(
        DurableTaskClient client, string instanceId, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance?.SerializedCustomStatus is null || instance.Name != OrchestrationNames.ScoreRun)
        {
            return (instance, null);
        }

        var progress = instance.ReadCustomStatusAs<RunProgress>() ?? new RunProgress();
        var counts = progress.Counts;
        foreach (var page in progress.ActivePages)
        {
            var child = await client.GetInstanceAsync(ScoreRunOrchestrator.PageInstanceId(instanceId, page), getInputsAndOutputs: true, cancellationToken)
                .ConfigureAwait(false);
            if (child?.SerializedCustomStatus is not null && child.ReadCustomStatusAs<PageProgress>() is { Counts: { } pageCounts })
            {
                counts = counts.Merge(pageCounts);
            }
        }

        var now = (time ?? TimeProvider.System).GetUtcNow();
        // A run that continued as new is a new execution of the same instance: its start is carried in the progress.
        var started = progress.StartedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : instance.CreatedAt;
        var seconds = (now - started).TotalSeconds;
        var rate = Scoring.Output.Throughput.TilesPerSecond(counts.Fresh, seconds);
        var left = Math.Max(0, progress.Listed - counts.Tiles);
        var active = RunInstances.IsActive(instance);
        return (instance, progress with
        {
            Counts = counts.WithoutFailures(),
            TilesPerSecond = active ? Math.Round(rate, 2) : progress.TilesPerSecond,
            EtaSeconds = !active ? progress.EtaSeconds : rate > 0 ? Math.Round(left / rate, 1) : progress.EtaSeconds,
            At = now,
        });
    }
}
