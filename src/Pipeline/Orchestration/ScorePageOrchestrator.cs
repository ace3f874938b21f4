using LandUse.Analysis.Summaries;
using Microsoft.DurableTask;

namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// One page: fan out a ScoreBatch activity per batch with at most <see cref="RunRequest.MaxParallelBatches"/> in
/// flight, fan in their counts. On a <see cref="OrchestrationNames.StopEvent"/> it schedules no more batches and
/// returns once the in-flight ones are written. History is O(batches of this page), bounded by the page size.
/// </summary>
[DurableTask(OrchestrationNames.ScorePage)]
public sealed class ScorePageOrchestrator : TaskOrchestrator<PageRequest, TileCounts>
{
    public override async Task<TileCounts> RunAsync(TaskOrchestrationContext context, PageRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var stop = context.WaitForExternalEvent<string>(OrchestrationNames.StopEvent);
        var window = input.Run.MaxParallelBatches;
        var running = new List<Task<TileCounts>>(window);
        var totals = TileCounts.Empty;
        var next = 0;
        var done = 0;
        context.SetCustomStatus(new PageProgress(input.Page, input.Batches, 0, totals));
        do
        {
            while (!stop.IsCompleted && running.Count < window && next < input.Batches)
            {
                var batch = new BatchRequest(input.Run, input.ModelVersion, input.Page, next++);
                running.Add(context.CallActivityAsync<TileCounts>(ActivityNames.ScoreBatch, batch, RetryPolicies.Activity));
            }

            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(stop.IsCompleted ? running : running.Cast<Task>().Append(stop));
            if (finished is not Task<TileCounts> counts)
            {
                continue; // Stopped: wait only for the batches already in flight.
            }

            running.Remove(counts);
            totals = totals.Merge(await counts);
            done++;
            context.SetCustomStatus(new PageProgress(input.Page, input.Batches, done, totals.WithoutFailures()));
        }
        while (done < input.Batches);

        return totals;
    }
}
