using LandUse.Pipeline.Predictions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace LandUse.Functions.Api;

public sealed partial class RunsApi
{
    /// <summary><c>POST /api/runs/{runId}/cancel</c>: terminates the run and its page sub-orchestrations; rows already written stay.</summary>
    public async Task<IResult> CancelAsync(HttpRequest request, DurableTaskClient client, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var (id, problem) = CheckRunId(runId);
        if (problem is not null)
        {
            return problem;
        }

        var instance = await client.GetInstanceAsync(id!, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return Problems.NotFound(id!);
        }

        if (!IsActive(instance))
        {
            return Problems.Conflict(id!, instance.RuntimeStatus.ToString(), $"Run '{id}' is already {instance.RuntimeStatus}; only a pending, running or suspended run can be cancelled.");
        }

        var reason = $"Cancelled through the API at {time.GetUtcNow():O}.";
        await RunInstances.TerminateAsync(client, id!, reason, cancellationToken).ConfigureAwait(false);
        await MarkCancelledAsync(id!, reason, cancellationToken).ConfigureAwait(false);
        LogCancelled(logger, id!);
        return TypedResults.Accepted(RunLinks.For(request, id!).Status, new { runId = id, status = "Terminating", links = RunLinks.For(request, id!) });
    }

    /// <summary>
    /// <c>DELETE /api/runs/{runId}[?predictions=true]</c>: purges the orchestration history (page sub-orchestrations
    /// included); prediction rows, page manifests and the ledger row go too only when asked.
    /// </summary>
    public async Task<IResult> PurgeAsync(HttpRequest request, DurableTaskClient client, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
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

        var instance = await client.GetInstanceAsync(id!, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (IsActive(instance))
        {
            return Problems.Conflict(id!, instance!.RuntimeStatus.ToString(), $"Run '{id}' is {instance.RuntimeStatus}; cancel it before deleting it.");
        }

        var store = storage.OpenPredictions();
        var ledger = await store.GetRunAsync(id!, cancellationToken).ConfigureAwait(false);
        if (instance is null && ledger is null && !withPredictions)
        {
            return Problems.NotFound(id!);
        }

        var purged = instance is null ? 0 : await RunInstances.PurgeAsync(client, id!, cancellationToken).ConfigureAwait(false);
        var deleted = withPredictions ? await RunRowsPurger.DeleteAsync(store, id!, cancellationToken).ConfigureAwait(false) : null;
        if (instance is null && ledger is null && deleted is { Predictions: 0, Pages: 0 })
        {
            return Problems.NotFound(id!);
        }

        LogPurged(logger, id!, purged, deleted?.Predictions ?? 0);
        return TypedResults.Ok(new PurgeResponse(id!, purged, deleted?.Predictions, deleted?.Pages, deleted?.Ledger));
    }

    private async Task MarkCancelledAsync(string runId, string reason, CancellationToken cancellationToken)
    {
        var store = storage.OpenPredictions();
        var ledger = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (ledger is { Status: RunStatus.Running })
        {
            await store.SaveRunAsync(ledger with { Status = RunStatus.Failed, Error = reason, FinishedAt = time.GetUtcNow() }, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cancelled through the API")]
    private static partial void LogCancelled(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} deleted: {Instances} orchestration instances purged, {Predictions} prediction rows deleted")]
    private static partial void LogPurged(ILogger logger, string runId, int instances, long predictions);
}

/// <summary>What <c>DELETE /api/runs/{runId}</c> removed; the row counts are null when predictions were kept.</summary>
public sealed record PurgeResponse(string RunId, int PurgedInstances, long? DeletedPredictions, long? DeletedPageManifests, bool? DeletedLedgerRow);
