using System.Text.Json;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Predictions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

public sealed partial class RunsApi
{
    /// <summary>
    /// <c>GET /api/runs/{runId}</c>: orchestration status with live progress (finished pages plus the pages still scoring),
    /// the output once completed (a comparison's result), and the ledger's totals; the ledger alone when history is gone.
    /// </summary>
    public async Task<IResult> GetStatusAsync(HttpRequest request, DurableTaskClient client, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var (id, problem) = CheckRunId(runId);
        if (problem is not null)
        {
            return problem;
        }

        var (instance, progress) = await RunProgressReader.ReadAsync(client, id!, time, cancellationToken).ConfigureAwait(false);
        var ledger = await storage.OpenPredictions().GetRunAsync(id!, cancellationToken).ConfigureAwait(false);
        if (instance is null && ledger is null)
        {
            return Problems.NotFound(id!);
        }

        return TypedResults.Ok(RunStatusResponse.From(id!, instance, progress, ledger, RunLinks.For(request, id!)));
    }

    /// <summary>
    /// <c>GET /api/runs/{runId}/summary</c>: the run summary (accuracy, confusion, development table) from the ledger
    /// once the run has completed; 409 while it is still running.
    /// </summary>
    public async Task<IResult> GetSummaryAsync(DurableTaskClient client, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (id, problem) = CheckRunId(runId);
        if (problem is not null)
        {
            return problem;
        }

        var ledger = await storage.OpenPredictions().GetRunAsync(id!, cancellationToken).ConfigureAwait(false);
        if (ledger?.SummaryJson is { } summary)
        {
            using var document = JsonDocument.Parse(summary);
            return TypedResults.Json(document.RootElement.Clone(), statusCode: StatusCodes.Status200OK);
        }

        var instance = await client.GetInstanceAsync(id!, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null && ledger is null)
        {
            return Problems.NotFound(id!);
        }

        var status = instance?.RuntimeStatus.ToString() ?? ledger!.Status.ToString();
        return Problems.Conflict(id!, status, $"Run '{id}' has no summary yet: it is {status}. The summary is written when the run completes.");
    }
}
