using LandUse.Pipeline.Activities;
using LandUse.Pipeline.Comparisons;
using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask;

namespace LandUse.Pipeline.Hosting;

/// <summary>Registers the pipeline's orchestrators and activities (by their <see cref="OrchestrationNames"/> / <see cref="ActivityNames"/>).</summary>
public static class PipelineTasks
{
    public static DurableTaskRegistry AddLandUsePipelineTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ScoreRunOrchestrator>();
        registry.AddOrchestrator<ScorePageOrchestrator>();
        registry.AddOrchestrator<CompareRunsOrchestrator>();
        registry.AddActivity<StartRunActivity>();
        registry.AddActivity<ListPageActivity>();
        registry.AddActivity<ScoreBatchActivity>();
        registry.AddActivity<SummarizeActivity>();
        registry.AddActivity<FailRunActivity>();
        registry.AddActivity<CompareRunsActivity>();
        return registry;
    }
}
