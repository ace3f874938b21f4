using System.Diagnostics;
using System.Text.Json;
using Azure;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Registry;
using LandUse.Scoring.Wire;
using LandUse.Worker.Batching;
using LandUse.Worker.Model;
using LandUse.Worker.Options;
using LandUse.Worker.Telemetry;
using LandUse.Worker.Tiles;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Api;

/// <summary>
/// <c>POST /v1/score</c>: checks the caps and the body, holds the model the body names (a registry model, loaded on
/// first use; none named: the worker's own), reads the tiles, queues them on the shared batcher and answers one result
/// per tile in request order. Bad tiles are error rows; only a bad request (or an unusable model) fails as a whole.
/// </summary>
internal static class ScoreEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        ModelHost model,
        RegistryModels registry,
        TileReader reader,
        ScoringBatcher batcher,
        WorkerMetrics metrics,
        IOptions<WorkerOptions> options)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        var cancellationToken = context.RequestAborted;

        var body = await CappedBody.ReadAsync(context.Request, settings.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(
                StatusCodes.Status413PayloadTooLarge,
                "Request body too large",
                $"The request body is larger than the {settings.MaxRequestBytes}-byte cap (Worker:MaxRequestBytes); send fewer tiles per call.");
        }

        if (!TryParse(body, out var request, out var error))
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed request body", error);
        }

        string[] refs = [.. request.Tiles!.Select(tile => tile!)];
        if (refs.Length > settings.MaxTilesPerRequest)
        {
            return Problem(
                StatusCodes.Status413PayloadTooLarge,
                "Too many tiles",
                $"The request lists {refs.Length} tiles, over the cap of {settings.MaxTilesPerRequest} per call (Worker:MaxTilesPerRequest).");
        }

        ModelLease<ModelSession>? lease = null;
        ITileScorer scorer;
        string id;
        if (request.Model is { Length: > 0 } named)
        {
            try
            {
                lease = await registry.AcquireAsync(named, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelRegistryException ex)
            {
                return ModelProblems.For(ex, named);
            }
            catch (RequestFailedException ex)
            {
                return ModelProblems.RegistryUnreadable(ex, named);
            }

            (scorer, id) = (lease.Model.Scorer, lease.Model.Id);
        }
        else if (model.Scorer is { } own)
        {
            (scorer, id) = (own, model.Session?.Id ?? own.ModelVersion);
        }
        else
        {
            return NoModel(context, model);
        }

        using (lease)
        {
            if (request.ModelVersion is { Length: > 0 } wanted && !string.Equals(wanted, scorer.ModelVersion, StringComparison.Ordinal))
            {
                return Problem(
                    StatusCodes.Status409Conflict,
                    "Model version mismatch",
                    $"The request asks for model version '{wanted}' but this worker serves '{scorer.ModelVersion}'.");
            }

            var results = await ScoreAsync(scorer, refs, reader, batcher, metrics, cancellationToken).ConfigureAwait(false);
            metrics.RequestAnswered(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return Results.Ok(new ScoreResponse(scorer.ModelVersion, results, id));
        }
    }

    /// <summary>No model named and none of the worker's own ready: 503 while it loads or after it failed, 400 when it has none.</summary>
    private static IResult NoModel(HttpContext context, ModelHost model)
    {
        if (model.Status == ModelStatus.Ready)
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                "No model named",
                "This worker has no model of its own (no Worker__ModelPath): name a registry model in 'model' (<name>/<version> or <name>).");
        }

        context.Response.Headers.RetryAfter = "5";
        return Problem(
            StatusCodes.Status503ServiceUnavailable,
            "Model not ready",
            model.Status == ModelStatus.Failed ? $"The model failed to load: {model.FailureReason}" : "The model is still loading; retry shortly.");
    }

    private static async Task<TileScore[]> ScoreAsync(
        ITileScorer scorer,
        string[] refs,
        TileReader reader,
        ScoringBatcher batcher,
        WorkerMetrics metrics,
        CancellationToken cancellationToken)
    {
        var reads = await reader.ReadAllAsync(refs, cancellationToken).ConfigureAwait(false);
        var readable = reads.Where(r => r.Error is null).Select(r => new TileInput(r.Ref, r.Bytes)).ToList();
        var unreadable = reads.Count - readable.Count;
        if (unreadable > 0)
        {
            metrics.ReadsFailed(unreadable);
        }

        var predictions = await batcher.ScoreAsync(scorer, readable, cancellationToken).ConfigureAwait(false);
        var results = new TileScore[reads.Count];
        var next = 0;
        for (var i = 0; i < reads.Count; i++)
        {
            results[i] = reads[i].Error is { } readError
                ? new TileScore(refs[i], null, null, readError)
                : ToResult(refs[i], predictions[next++]);
        }

        return results;
    }

    private static TileScore ToResult(string tileRef, TilePrediction prediction) =>
        prediction.Succeeded
            ? new TileScore(tileRef, prediction.Label?.ToString(), prediction.Probabilities, null, prediction.Resized)
            : new TileScore(tileRef, null, null, prediction.Error);

    private static bool TryParse(byte[] body, out ScoreRequest request, out string error)
    {
        request = new ScoreRequest(null, null);
        try
        {
            request = JsonSerializer.Deserialize<ScoreRequest>(body, WireJson.Options) ?? request;
        }
        catch (JsonException ex)
        {
            error = $"The body is not a valid score request: {ex.Message}";
            return false;
        }

        if (request.Tiles is null)
        {
            error = "The body must be a JSON object with a 'tiles' array of tile refs.";
            return false;
        }

        for (var i = 0; i < request.Tiles.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(request.Tiles[i]))
            {
                error = $"tiles[{i}] is empty; every tile ref must be a blob URL or a path under the tile root.";
                return false;
            }
        }

        error = string.Empty;
        return true;
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
