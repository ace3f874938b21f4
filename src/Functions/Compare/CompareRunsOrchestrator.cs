using Microsoft.DurableTask;

namespace LandUse.Functions.Compare;

/// <summary>
/// A comparison as a durable instance, so <c>POST /api/compare</c> answers at once and a large comparison is retried
/// like any activity; the work is one CompareRuns activity.
/// </summary>
public sealed class CompareRunsOrchestrator : TaskOrchestrator<CompareRunsRequest, CompareRunsResult>
{
    public const string Name = "CompareRuns";

    public const string ActivityName = "CompareRunsActivity";

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5), backoffCoefficient: 2));

    public override Task<CompareRunsResult> RunAsync(TaskOrchestrationContext context, CompareRunsRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<CompareRunsResult>(ActivityName, input, Retry);
    }
}
