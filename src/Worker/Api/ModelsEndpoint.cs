using System.Text.Json;
using Azure;
using LandUse.Scoring.Registry;
using LandUse.Scoring.Wire;
using LandUse.Worker.Model;

namespace LandUse.Worker.Api;

/// <summary>
/// <c>GET /v1/models</c>: the models this worker has loaded (registry sessions, most recently used first, then its own
/// model). <c>POST /v1/models</c> <c>{"model": "&lt;name&gt;/&lt;version&gt;"}</c>: loads one now (download, sha256 check,
/// session, warm-up) and answers it, so a run learns at its start whether its model can be scored with.
/// </summary>
internal static class ModelsEndpoint
{
    private const int MaxBodyBytes = 4096;

    public static IResult List(ModelHost model, RegistryModels registry)
    {
        var loaded = registry.Snapshot().Select(e => Info(e.Model, e.LoadedAt, e.LastUsedAt, e.InUse)).ToList();
        if (model.Session is { } own)
        {
            loaded.Add(Info(own, model.ReadyAt ?? DateTimeOffset.MinValue, model.ReadyAt ?? DateTimeOffset.MinValue, 0));
        }

        return Results.Ok(new ModelList(loaded, registry.MaxLoaded));
    }

    public static async Task<IResult> LoadAsync(HttpContext context, RegistryModels registry)
    {
        var body = await CappedBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        LoadModelRequest? request = null;
        try
        {
            request = body is null ? null : JsonSerializer.Deserialize<LoadModelRequest>(body, WireJson.Options);
        }
        catch (JsonException)
        {
        }

        if (request?.Model is not { Length: > 0 } named)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed request body",
                detail: "The body must be a JSON object with a 'model' reference: <name>/<version> or <name>.");
        }

        try
        {
            using var lease = await registry.AcquireAsync(named, context.RequestAborted).ConfigureAwait(false);
            var entry = registry.Snapshot().FirstOrDefault(e => ReferenceEquals(e.Model, lease.Model));
            var now = DateTimeOffset.UtcNow;
            return Results.Ok(Info(lease.Model, entry?.LoadedAt ?? now, entry?.LastUsedAt ?? now, entry?.InUse ?? 1));
        }
        catch (ModelRegistryException ex)
        {
            return ModelProblems.For(ex, named);
        }
        catch (RequestFailedException ex)
        {
            return ModelProblems.RegistryUnreadable(ex, named);
        }
    }

    private static LoadedModelInfo Info(ModelSession session, DateTimeOffset loadedAt, DateTimeOffset lastUsedAt, int inUse)
    {
        var manifest = session.Bundle.Manifest;
        return new LoadedModelInfo(
            session.Id, manifest.Name, manifest.Version, manifest.Sha256, manifest.Labels, manifest.Precision,
            session.Scorer.ActiveProvider, session.Source, loadedAt, lastUsedAt, inUse);
    }
}
