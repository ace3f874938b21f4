using LandUse.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Triggers;

/// <summary><c>POST /api/compare</c>; it forwards to <see cref="CompareApi"/> (the orchestration and activity are the Pipeline's).</summary>
public sealed class CompareFunctions(CompareApi api)
{
    [Function("CompareStart")]
    public Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "compare")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.StartAsync(request, client, cancellationToken);
}
