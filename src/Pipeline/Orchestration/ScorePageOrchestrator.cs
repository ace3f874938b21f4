using Microsoft.DurableTask;

namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// One page: fan out a ScoreBatch activity per batch with at most <see cref="RunRequest.MaxParallelBatches"/> in
/// flight, fan in their partial summaries. History is O(batches of this page), bounded by the page size.
/// </summary>
[DurableTask(OrchestrationNames.ScorePage)]
public sealed class ScorePageOrchestrator : TaskOrchestrator<PageRequest, PartialSummary>
{
    public override async Task<PartialSummary> RunAsync(TaskOrchestrationContext context, PageRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var window = input.Run.MaxParallelBatches;
        var running = new List<Task<PartialSummary>>(window);
        var totals = PartialSummary.Empty;
        var next = 0;
        var done = 0;
        context.SetCustomStatus(new PageProgress(input.Page, input.Batches, 0, 0, 0, 0));
        while (next < input.Batches || running.Count > 0)
        {
            while (running.Count < window && next < input.Batches)
            {
                var batch = new BatchRequest(input.Run, input.ModelVersion, input.Page, next++);
                running.Add(context.CallActivityAsync<PartialSummary>(ActivityNames.ScoreBatch, batch, RetryPolicies.Activity));
            }

            var finished = await Task.WhenAny(running);
            running.Remove(finished);
            totals = totals.Merge(await finished);
            done++;
            context.SetCustomStatus(new PageProgress(input.Page, input.Batches, done, totals.Scored, totals.Failed, totals.Skipped));
        }

        return totals;
    }
}
