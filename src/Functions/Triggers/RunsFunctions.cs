using LandUse.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Triggers;

/// <summary>HTTP triggers of <c>/api/runs</c>; each forwards to <see cref="RunsApi"/>.</summary>
public sealed class RunsFunctions(RunsApi api)
{
    [Function("RunsStart")]
    public Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.StartAsync(request, client, cancellationToken);

    [Function("RunsGet")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string runId,
        CancellationToken cancellationToken) =>
        api.GetStatusAsync(request, client, runId, cancellationToken);

    [Function("RunsSummary")]
    public Task<IResult> Summary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}/summary")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string runId,
        CancellationToken cancellationToken) =>
        api.GetSummaryAsync(client, runId, cancellationToken);

    [Function("RunsCancel")]
    public Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{runId}/cancel")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string runId,
        CancellationToken cancellationToken) =>
        api.CancelAsync(request, client, runId, cancellationToken);

    [Function("RunsDelete")]
    public Task<IResult> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "runs/{runId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string runId,
        CancellationToken cancellationToken) =>
        api.PurgeAsync(request, client, runId, cancellationToken);
}
