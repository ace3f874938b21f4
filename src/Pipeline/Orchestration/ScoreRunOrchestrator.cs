using System.Globalization;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Ledger;
using Microsoft.DurableTask;

namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// A run, as the data-flow diagram draws it: list a page (manifest into the store, a handle back), score it in a
/// ScorePage sub-orchestration while the next page is listed, fan in the counts, then Summarize. A
/// <see cref="OrchestrationNames.StopEvent"/> stops it gracefully: no more listing or batches, the pages finish their
/// in-flight batches, and the ledger says Cancelled. History grows by a few events per page, never per tile, and every
/// <see cref="RunRequest.PagesPerGeneration"/> pages the orchestration drains its pages and continues as new with
/// only its totals and the listing continuation (<see cref="RunCarry"/>), so history stays bounded at any size; the
/// instance id (the run id) stays the same, and so do progress, stop, cancel and purge.
/// Deterministic: no I/O, time from the context.
/// </summary>
[DurableTask(OrchestrationNames.ScoreRun)]
public sealed class ScoreRunOrchestrator : TaskOrchestrator<RunRequest, RunOutcome>
{
    /// <summary>The sub-orchestration instance id of a page, so status readers can find it.</summary>
    public static string PageInstanceId(string runInstanceId, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{runInstanceId}:p{page:D6}");

    /// <summary>The prefix every page instance id of a run starts with.</summary>
    public static string PageInstancePrefix(string runInstanceId) => runInstanceId + ":p";

    public override async Task<RunOutcome> RunAsync(TaskOrchestrationContext context, RunRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var carry = input.Carry;

        // Activities get the request without the carry: their inputs stay the same size in every generation.
        var run = (input with { Carry = null }).Validate();
        var startedAt = carry?.StartedAt ?? context.CurrentUtcDateTime;
        var stop = context.WaitForExternalEvent<string>(OrchestrationNames.StopEvent);
        var progress = carry?.Progress ?? new RunProgress { Phase = "Starting", StartedAt = startedAt };
        context.SetCustomStatus(progress);
        try
        {
            var modelVersion = carry?.ModelVersion
                ?? (await context.CallActivityAsync<RunStarted>(ActivityNames.StartRun, new StartRunRequest(run, startedAt), RetryPolicies.Activity)).ModelVersion;
            var running = new Dictionary<Task<TileCounts>, int>();
            var totals = carry?.Totals ?? TileCounts.Empty;
            var token = carry?.ContinuationToken;
            var pages = carry?.Pages ?? 0;
            var listed = carry?.Listed ?? 0;
            var listings = 0;
            var more = true;
            var forwarded = false;
            while (more && !stop.IsCompleted && listings < run.PagesPerGeneration)
            {
                var listingTask = context.CallActivityAsync<PageListing>(
                    ActivityNames.ListPage, new ListPageRequest(run, pages, token), RetryPolicies.Activity);
                await Task.WhenAny(listingTask, stop);
                if (!listingTask.IsCompleted)
                {
                    break; // Stopped while listing: the page is not scored (its manifest is simply unused).
                }

                var listing = await listingTask;
                listings++;
                token = listing.ContinuationToken;
                more = token is not null;
                if (listing.Tiles > 0)
                {
                    listed += listing.Tiles;
                    var page = new PageRequest(run, modelVersion, listing.Page, listing.Batches);
                    var options = new SubOrchestrationOptions(new TaskOptions(), PageInstanceId(context.InstanceId, listing.Page));
                    running.Add(context.CallSubOrchestratorAsync<TileCounts>(OrchestrationNames.ScorePage, page, options), listing.Page);
                    pages++;
                }

                progress = Update(context, progress, listed, pages, !more, totals, running.Values, startedAt);

                // Pages score while the next is listed; at the end of the listing, of a generation or on a stop, all are drained.
                var drain = !more || stop.IsCompleted || listings >= run.PagesPerGeneration;
                while (running.Count > 0 && (running.Count >= run.MaxParallelPages || drain || stop.IsCompleted))
                {
                    forwarded = Forward(context, stop, running.Values, forwarded);
                    var finished = await Task.WhenAny(stop.IsCompleted ? running.Keys : running.Keys.Cast<Task>().Append(stop));
                    if (finished is not Task<TileCounts> done)
                    {
                        continue;
                    }

                    running.Remove(done);
                    totals = totals.Merge(await done);
                    progress = Update(context, progress with { PagesDone = progress.PagesDone + 1 }, listed, pages, !more, totals, running.Values, startedAt);
                }
            }

            if (stop.IsCompleted)
            {
                return await StopAsync(context, run, modelVersion, stop, forwarded, running, totals, listed, pages, progress, startedAt);
            }

            if (more)
            {
                // Every page of this generation is done: start afresh with the totals and where the listing goes on.
                var generation = (carry?.Generation ?? 0) + 1;
                progress = progress with { Generation = generation };
                context.SetCustomStatus(progress);
                context.ContinueAsNew(
                    run with { Carry = new RunCarry(modelVersion, startedAt, totals, listed, pages, token!, generation, progress) },
                    preserveUnprocessedEvents: true);
                return null!;
            }

            context.SetCustomStatus(progress with { Phase = "Summarizing" });
            var summarize = new SummarizeRequest(run, modelVersion, pages, listed, totals, startedAt, context.CurrentUtcDateTime);
            var outcome = await context.CallActivityAsync<RunOutcome>(ActivityNames.Summarize, summarize, RetryPolicies.Activity);
            context.SetCustomStatus(progress with { Phase = "Completed", EtaSeconds = 0 });
            return outcome;
        }
        catch (TaskFailedException e)
        {
            context.SetCustomStatus(progress with { Phase = "Failed" });
            await context.CallActivityAsync(ActivityNames.FailRun, new FailRunRequest(run, RetryPolicies.Innermost(e.FailureDetails), context.CurrentUtcDateTime), RetryPolicies.Activity);
            throw;
        }
    }

    private static async Task<RunOutcome> StopAsync(
        TaskOrchestrationContext context, RunRequest run, string modelVersion, Task<string> stop, bool forwarded,
        Dictionary<Task<TileCounts>, int> running, TileCounts totals, long listed, int pages, RunProgress progress, DateTime startedAt)
    {
        context.SetCustomStatus(progress with { Phase = "Stopping" });
        Forward(context, stop, running.Values, forwarded);
        foreach (var page in running.Keys)
        {
            totals = totals.Merge(await page);
        }

        var now = context.CurrentUtcDateTime;
        var reason = string.IsNullOrWhiteSpace(stop.Result) ? "Stopped on request." : stop.Result;
        await context.CallActivityAsync(
            ActivityNames.FailRun, new FailRunRequest(run, reason, now, Cancelled: true, totals, listed, pages), RetryPolicies.Activity);
        context.SetCustomStatus(Update(context, progress, listed, pages, false, totals, [], startedAt) with { Phase = "Cancelled", EtaSeconds = null });
        var seconds = Math.Max(0, (now - startedAt).TotalSeconds);
        return new RunOutcome(
            run.RunId, modelVersion, listed, totals.Scored, totals.Failed, totals.Skipped, totals.Resized, pages, seconds,
            Scoring.Output.Throughput.TilesPerSecond(totals.Fresh, seconds), null, null, RunStatus.Cancelled);
    }

    /// <summary>Passes a stop on to the pages still scoring, once.</summary>
    private static bool Forward(TaskOrchestrationContext context, Task<string> stop, IEnumerable<int> pages, bool forwarded)
    {
        if (forwarded || !stop.IsCompleted)
        {
            return forwarded;
        }

        foreach (var page in pages)
        {
            context.SendEvent(PageInstanceId(context.InstanceId, page), OrchestrationNames.StopEvent, stop.Result);
        }

        return true;
    }

    private static RunProgress Update(
        TaskOrchestrationContext context, RunProgress previous, long listed, int pages, bool listingDone,
        TileCounts totals, IEnumerable<int> active, DateTime startedAt)
    {
        var seconds = (context.CurrentUtcDateTime - startedAt).TotalSeconds;
        var rate = Scoring.Output.Throughput.TilesPerSecond(totals.Fresh, seconds);
        var left = listed - totals.Tiles;
        var progress = previous with
        {
            Phase = listingDone ? "Scoring" : "Listing and scoring",
            Listed = listed,
            Counts = totals.WithoutFailures(),
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
