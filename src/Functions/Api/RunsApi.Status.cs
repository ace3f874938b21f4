using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

public sealed partial class RunsApi
{
    /// <summary>
    /// <c>GET /api/runs/{runId}</c>: status with live progress (tiles done, rate, ETA, running 6- and 3-class accuracy), the
    /// output once completed (a comparison's result), the ledger's totals and links to the run's artifacts.
    /// </summary>
    public async Task<IResult> GetStatusAsync(HttpRequest request, DurableTaskClient client, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (id, problem) = CheckRunId(runId);
        if (problem is not null)
        {
            return problem;
        }

        var view = await control.StatusAsync(client, id!, targets.Predictions(), cancellationToken).ConfigureAwait(false);
        return view is null ? Problems.NotFound(id!) : TypedResults.Ok(RunStatusResponse.From(view, RunLinks.For(request, id!)));
    }

    /// <summary>
    /// <c>GET /api/runs/{runId}/summary</c>: the run summary (accuracy, confusion, development table) from the ledger
    /// once the run has completed; 409 while it is still running.
    /// </summary>
    public async Task<IResult> GetSummaryAsync(DurableTaskClient client, string? runId, CancellationToken cancellationToken)
    {
        var (id, problem) = CheckRunId(runId);
        if (problem is not null)
        {
            return problem;
        }

        var read = await control.SummaryAsync(client, id!, targets.Predictions(), cancellationToken).ConfigureAwait(false);
        return read switch
        {
            { Summary: { } summary } => (IResult)TypedResults.Content(summary.ToJson(), "application/json", statusCode: StatusCodes.Status200OK),
            { Status: null } => Problems.NotFound(id!),
            { Status: { } status } => Problems.Conflict(id!, status, $"Run '{id}' has no summary yet: it is {status}. The summary is written when the run completes."),
        };
    }
}
