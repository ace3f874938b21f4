using System.Diagnostics;
using System.Text.Json;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Wire;
using LandUse.Worker.Batching;
using LandUse.Worker.Model;
using LandUse.Worker.Options;
using LandUse.Worker.Telemetry;
using LandUse.Worker.Tiles;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Api;

/// <summary>
/// <c>POST /v1/score</c>: checks the caps and the body, reads the tiles, queues them on the shared batcher and
/// answers one result per tile in request order. Bad tiles are error rows; only a bad request fails as a whole.
/// </summary>
internal static class ScoreEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        ModelHost model,
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

        var scorer = model.Scorer;
        if (scorer is null)
        {
            context.Response.Headers.RetryAfter = "5";
            return Problem(
                StatusCodes.Status503ServiceUnavailable,
                "Model not ready",
                model.Status == ModelStatus.Failed ? $"The model failed to load: {model.FailureReason}" : "The model is still loading; retry shortly.");
        }

        if (request.ModelVersion is { Length: > 0 } wanted && !string.Equals(wanted, scorer.ModelVersion, StringComparison.Ordinal))
        {
            return Problem(
                StatusCodes.Status409Conflict,
                "Model version mismatch",
                $"The request asks for model version '{wanted}' but this worker serves '{scorer.ModelVersion}'.");
        }

        var results = await ScoreAsync(refs, reader, batcher, metrics, cancellationToken).ConfigureAwait(false);
        metrics.RequestAnswered(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Results.Ok(new ScoreResponse(scorer.ModelVersion, results));
    }

    private static async Task<TileScore[]> ScoreAsync(
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

        var predictions = await batcher.ScoreAsync(readable, cancellationToken).ConfigureAwait(false);
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
