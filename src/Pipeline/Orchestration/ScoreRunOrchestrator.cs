using System.Globalization;
using Microsoft.DurableTask;

namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// A run, as the data-flow diagram draws it: list a page (manifest into the store, a handle back), score it in a
/// ScorePage sub-orchestration while the next page is listed, fan in the partial summaries, then Summarize.
/// History grows by a few events per page, never per tile. Deterministic: no I/O, time from the context.
/// </summary>
[DurableTask(OrchestrationNames.ScoreRun)]
public sealed class ScoreRunOrchestrator : TaskOrchestrator<RunRequest, RunOutcome>
{
    /// <summary>The sub-orchestration instance id of a page, so status readers can find it.</summary>
    public static string PageInstanceId(string runInstanceId, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{runInstanceId}:p{page:D6}");

    public override async Task<RunOutcome> RunAsync(TaskOrchestrationContext context, RunRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var run = input.Validate();
        var startedAt = context.CurrentUtcDateTime;
        var progress = new RunProgress { Phase = "Starting" };
        context.SetCustomStatus(progress);
        try
        {
            var started = await context.CallActivityAsync<RunStarted>(ActivityNames.StartRun, new StartRunRequest(run, startedAt), RetryPolicies.Activity);
            var running = new Dictionary<Task<PartialSummary>, int>();
            var totals = PartialSummary.Empty;
            string? token = null;
            var pages = 0;
            var listingIndex = 0;
            long listed = 0;
            var more = true;
            while (more)
            {
                var listing = await context.CallActivityAsync<PageListing>(
                    ActivityNames.ListPage, new ListPageRequest(run, listingIndex, token), RetryPolicies.Activity);
                token = listing.ContinuationToken;
                more = token is not null;
                if (listing.Tiles > 0)
                {
                    listed += listing.Tiles;
                    var page = new PageRequest(run, started.ModelVersion, listing.Page, listing.Batches);
                    var options = new SubOrchestrationOptions(new TaskOptions(), PageInstanceId(context.InstanceId, listing.Page));
                    running.Add(context.CallSubOrchestratorAsync<PartialSummary>(OrchestrationNames.ScorePage, page, options), listing.Page);
                    pages++;
                    listingIndex++;
                }

                progress = Update(context, progress, listed, pages, !more, totals, running.Values, startedAt);
                while (running.Count > 0 && (running.Count >= run.MaxParallelPages || !more))
                {
                    var done = await Task.WhenAny(running.Keys);
                    running.Remove(done);
                    totals = totals.Merge(await done);
                    progress = Update(context, progress with { PagesDone = progress.PagesDone + 1 }, listed, pages, !more, totals, running.Values, startedAt);
                }
            }

            context.SetCustomStatus(progress with { Phase = "Summarizing" });
            var summarize = new SummarizeRequest(run, started.ModelVersion, pages, listed, totals, startedAt, context.CurrentUtcDateTime);
            var outcome = await context.CallActivityAsync<RunOutcome>(ActivityNames.Summarize, summarize, RetryPolicies.Activity);
            context.SetCustomStatus(progress with { Phase = "Completed", EtaSeconds = 0 });
            return outcome;
        }
        catch (TaskFailedException e)
        {
            context.SetCustomStatus(progress with { Phase = "Failed" });
            await context.CallActivityAsync(ActivityNames.FailRun, new FailRunRequest(run, e.Message, context.CurrentUtcDateTime), RetryPolicies.Activity);
            throw;
        }
    }

    private static RunProgress Update(
        TaskOrchestrationContext context, RunProgress previous, long listed, int pages, bool listingDone,
        PartialSummary totals, IEnumerable<int> active, DateTime startedAt)
    {
        var seconds = (context.CurrentUtcDateTime - startedAt).TotalSeconds;
        var fresh = totals.Tiles - totals.Skipped;
        var rate = seconds > 0 ? fresh / seconds : 0;
        var left = listed - totals.Tiles;
        var progress = previous with
        {
            Phase = listingDone ? "Scoring" : "Listing and scoring",
            Listed = listed,
            Scored = totals.Scored,
            Failed = totals.Failed,
            Skipped = totals.Skipped,
            PagesListed = pages,
            ListingDone = listingDone,
            TilesPerSecond = Math.Round(rate, 2),
            EtaSeconds = rate > 0 ? Math.Round(left / rate, 1) : null,
            ActivePages = active.Order().ToArray(),
        };
        context.SetCustomStatus(progress);
        return progress;
    }
}
