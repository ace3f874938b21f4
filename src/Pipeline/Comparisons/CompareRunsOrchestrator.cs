using LandUse.Pipeline.Orchestration;
using Microsoft.DurableTask;

namespace LandUse.Pipeline.Comparisons;

/// <summary>
/// A comparison as a durable instance, so a caller gets an answer at once and a large comparison is retried like any
/// activity; the work is one CompareRuns activity. Registered beside the run's orchestrators.
/// </summary>
[DurableTask(OrchestrationNames.CompareRuns)]
public sealed class CompareRunsOrchestrator : TaskOrchestrator<CompareRunsRequest, CompareRunsResult>
{
    public override Task<CompareRunsResult> RunAsync(TaskOrchestrationContext context, CompareRunsRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<CompareRunsResult>(ActivityNames.CompareRuns, input, RetryPolicies.Activity);
    }
}
