using LandUse.Functions.Api;
using LandUse.Functions.Compare;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Triggers;

/// <summary><c>POST /api/compare</c> and the CompareRuns orchestration and activity behind it.</summary>
public sealed class CompareFunctions(CompareApi api, RunComparer comparer)
{
    [Function("CompareStart")]
    public Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "compare")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.StartAsync(request, client, cancellationToken);

    [Function(CompareRunsOrchestrator.Name)]
    public static Task<CompareRunsResult> CompareRuns([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CompareRunsOrchestrator().RunAsync(context, context.GetInput<CompareRunsRequest>()!);
    }

    [Function(CompareRunsOrchestrator.ActivityName)]
    public Task<CompareRunsResult> CompareRunsActivity([ActivityTrigger] CompareRunsRequest input, CancellationToken cancellationToken) =>
        comparer.CompareAsync(input, cancellationToken);
}
