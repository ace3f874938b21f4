using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Comparisons;
using LandUse.Pipeline.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace LandUse.Functions.Triggers;

/// <summary>
/// Registers the Pipeline's orchestrators under their own names. Without the Durable source generator, class-based
/// orchestrators need an explicit trigger function each; the body only hands the context to the Pipeline class.
/// </summary>
public static class OrchestrationFunctions
{
    [Function(OrchestrationNames.ScoreRun)]
    public static Task<RunOutcome> ScoreRun([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ScoreRunOrchestrator().RunAsync(context, context.GetInput<RunRequest>()!);
    }

    [Function(OrchestrationNames.ScorePage)]
    public static Task<TileCounts> ScorePage([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ScorePageOrchestrator().RunAsync(context, context.GetInput<PageRequest>()!);
    }

    [Function(OrchestrationNames.CompareRuns)]
    public static Task<CompareRunsResult> CompareRuns([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CompareRunsOrchestrator().RunAsync(context, context.GetInput<CompareRunsRequest>()!);
    }
}
