using LandUse.Pipeline.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

public sealed partial class RunsApi
{
    /// <summary><c>POST /api/runs/{runId}/cancel</c>: terminates the run and its page sub-orchestrations; rows already written stay.</summary>
    public async Task<IResult> CancelAsync(HttpRequest request, DurableTaskClient client, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (id, problem) = CheckRunId(runId);
        if (problem is not null)
        {
            return problem;
        }

        var cancel = await control.CancelAsync(client, id!, targets.Predictions(), $"Cancelled through the API at {time.GetUtcNow():O}.", cancellationToken)
            .ConfigureAwait(false);
        return cancel.Outcome switch
        {
            CancelOutcome.NotFound => (IResult)Problems.NotFound(id!),
            CancelOutcome.NotActive => Problems.Conflict(id!, cancel.Status!, $"Run '{id}' is already {cancel.Status}; only a pending, running or suspended run can be cancelled."),
            _ => TypedResults.Accepted(RunLinks.For(request, id!).Status, new { runId = id, status = "Terminating", links = RunLinks.For(request, id!) }),
        };
    }

    /// <summary>
    /// <c>DELETE /api/runs/{runId}[?predictions=true]</c>: purges the orchestration history (page sub-orchestrations
    /// included); prediction rows, page manifests, artifacts and the ledger row go too only when asked.
    /// </summary>
    public async Task<IResult> PurgeAsync(HttpRequest request, DurableTaskClient client, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (id, problem) = CheckRunId(runId);
        if (problem is not null)
        {
            return problem;
        }

        var withPredictions = false;
        if (request.Query.TryGetValue("predictions", out var flag) && !bool.TryParse(flag.ToString(), out withPredictions))
        {
            return Problems.BadField("predictions", $"Query parameter 'predictions' must be true or false (got '{flag}').");
        }

        var purge = await control.PurgeAsync(client, id!, targets.Predictions(), withPredictions, cancellationToken).ConfigureAwait(false);
        if (purge.ActiveStatus is { } active)
        {
            return Problems.Conflict(id!, active, $"Run '{id}' is {active}; cancel it before deleting it.");
        }

        return purge.Found
            ? TypedResults.Ok(new PurgeResponse(id!, purge.PurgedInstances, purge.Deleted?.Predictions, purge.Deleted?.Pages, purge.DeletedLedger, purge.DeletedArtifacts))
            : Problems.NotFound(id!);
    }
}

/// <summary>What <c>DELETE /api/runs/{runId}</c> removed; the row counts are null when predictions were kept.</summary>
public sealed record PurgeResponse(string RunId, int PurgedInstances, long? DeletedPredictions, long? DeletedPageManifests, bool? DeletedLedgerRow, int? DeletedArtifacts);
