using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Activities;
using LandUse.Pipeline.Comparisons;
using LandUse.Pipeline.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace LandUse.Functions.Triggers;

/// <summary>Registers the Pipeline's activities under their own names; each forwards to the Pipeline activity class.</summary>
public sealed class ActivityFunctions(
    StartRunActivity startRun,
    ListPageActivity listPage,
    ScoreBatchActivity scoreBatch,
    SummarizeActivity summarize,
    FailRunActivity failRun,
    CompareRunsActivity compareRuns)
{
    [Function(ActivityNames.StartRun)]
    public Task<RunStarted> StartRun([ActivityTrigger] StartRunRequest input, CancellationToken cancellationToken) =>
        startRun.ExecuteAsync(input, cancellationToken);

    [Function(ActivityNames.ListPage)]
    public Task<PageListing> ListPage([ActivityTrigger] ListPageRequest input, CancellationToken cancellationToken) =>
        listPage.ExecuteAsync(input, cancellationToken);

    [Function(ActivityNames.ScoreBatch)]
    public Task<TileCounts> ScoreBatch([ActivityTrigger] BatchRequest input, CancellationToken cancellationToken) =>
        scoreBatch.ExecuteAsync(input, cancellationToken);

    [Function(ActivityNames.Summarize)]
    public Task<RunOutcome> Summarize([ActivityTrigger] SummarizeRequest input, CancellationToken cancellationToken) =>
        summarize.ExecuteAsync(input, cancellationToken);

    [Function(ActivityNames.FailRun)]
    public Task<bool> FailRun([ActivityTrigger] FailRunRequest input, CancellationToken cancellationToken) =>
        failRun.ExecuteAsync(input, cancellationToken);

    [Function(ActivityNames.CompareRuns)]
    public Task<CompareRunsResult> CompareRunsActivity([ActivityTrigger] CompareRunsRequest input, CancellationToken cancellationToken) =>
        compareRuns.ExecuteAsync(input, cancellationToken);
}
