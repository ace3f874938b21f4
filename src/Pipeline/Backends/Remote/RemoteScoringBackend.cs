using System.Net;
using System.Net.Http.Json;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Registry;
using LandUse.Scoring.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LandUse.Pipeline.Backends.Remote;

/// <summary>
/// Scores batches on a remote (GPU) scoring worker over HTTP, with one model: a registry reference the worker loads
/// (<see cref="Model"/>), or, when that is null, the worker's own <c>Worker__ModelPath</c> bundle. Retries, timeouts and
/// the circuit breaker live in the HTTP client's resilience pipeline; a call that still fails turns into error rows for
/// its own tiles only, so a sick worker degrades a run instead of failing it.
/// </summary>
public sealed partial class RemoteScoringBackend(
    IHttpClientFactory httpClientFactory,
    IOptions<ScoringEndpointOptions> options,
    ILogger<RemoteScoringBackend> logger,
    string? model = null) : IScoringBackend
{
    /// <summary>The named HttpClient the backend uses (its resilience pipeline is registered under this name).</summary>
    public const string HttpClientName = "LandUse.ScoringWorker";

    private static readonly TimeSpan ReadyPoll = TimeSpan.FromSeconds(2);
    private string? modelVersion;
    private string? modelId;

    /// <summary>The registry model the worker scores with (<c>&lt;name&gt;/&lt;version&gt;</c> or <c>&lt;name&gt;</c>); null: the worker's own.</summary>
    public string? Model => model;

    /// <summary>
    /// Has the worker load the model (a registry model: <c>POST /v1/models</c>, which downloads and verifies it; the
    /// worker's own: <c>GET /v1/model</c>) and answers its <c>&lt;name&gt;/&lt;version&gt;</c>, waiting up to
    /// <c>Scoring:ReadyTimeout</c> for a worker that is still starting. A model the worker cannot find or that is corrupt
    /// fails at once with the worker's reason (<see cref="ModelRegistryException"/>).
    /// </summary>
    public async ValueTask<string> GetModelVersionAsync(CancellationToken cancellationToken)
    {
        if (modelId is { } known)
        {
            return known;
        }

        var settings = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.ReadyTimeout);
        string last = "no answer yet";
        while (true)
        {
            try
            {
                using var client = CreateClient();
                using var response = model is null
                    ? await client.GetAsync(new Uri("v1/model", UriKind.Relative), deadline.Token).ConfigureAwait(false)
                    : await client.PostAsJsonAsync(new Uri("v1/models", UriKind.Relative), new LoadModelRequest(model), WireJson.Options, deadline.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    if (await ReadModelAsync(response, deadline.Token).ConfigureAwait(false) is { } loaded)
                    {
                        LogModel(logger, settings.Endpoint, loaded.Id, loaded.Provider);
                        modelVersion = loaded.Version;
                        return modelId = loaded.Id;
                    }

                    last = "the worker's answer names no model version";
                }
                else
                {
                    last = await DescribeAsync(response, deadline.Token).ConfigureAwait(false);
                    if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        throw new InvalidOperationException($"The scoring worker {settings.Endpoint} refused this caller: {last}. Check Scoring:Audience or Scoring:SharedKey.");
                    }

                    if (WorkerProblems.Permanent(response.StatusCode) is { } problem)
                    {
                        throw new ModelRegistryException(problem, $"The scoring worker {settings.Endpoint} cannot score with model '{model}': {WorkerProblems.Detail(last)}");
                    }
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw NotReady(settings, last);
            }
#pragma warning disable CA1031 // Any transport failure while the worker starts is retried until the ready timeout.
            catch (Exception ex) when (ex is not InvalidOperationException and not OperationCanceledException and not ModelRegistryException)
#pragma warning restore CA1031
            {
                last = ex.Message;
            }

            try
            {
                await Task.Delay(ReadyPoll, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw NotReady(settings, last);
            }
        }
    }

    private async Task<(string Id, string Version, string Provider)?> ReadModelAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            var info = await response.Content.ReadFromJsonAsync<ModelInfo>(WireJson.Options, cancellationToken).ConfigureAwait(false);
            return info?.ModelVersion is { Length: > 0 } version ? (info.Model ?? version, version, info.Provider) : null;
        }

        var loaded = await response.Content.ReadFromJsonAsync<LoadedModelInfo>(WireJson.Options, cancellationToken).ConfigureAwait(false);
        return loaded?.Model is { Length: > 0 } id ? (id, loaded.Version, loaded.Provider) : null;
    }

    private static TimeoutException NotReady(ScoringEndpointOptions settings, string last) =>
        new($"The scoring worker {settings.Endpoint} did not report a model version within {settings.ReadyTimeout}: {last}.");

    /// <summary>Scores the batch in calls of at most <c>Scoring:MaxTilesPerCall</c> tiles; never throws for a failing worker.</summary>
    public async Task<IReadOnlyList<TilePrediction>> ScoreAsync(ITileStore store, IReadOnlyList<string> tileRefs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tileRefs);
        var size = options.Value.MaxTilesPerCall;
        var results = new List<TilePrediction>(tileRefs.Count);
        for (var start = 0; start < tileRefs.Count; start += size)
        {
            var chunk = tileRefs.Skip(start).Take(size).ToArray();
            results.AddRange(await ScoreCallAsync(store, chunk, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<IReadOnlyList<TilePrediction>> ScoreCallAsync(ITileStore store, string[] refs, CancellationToken cancellationToken)
    {
        var wireRefs = refs.Select(r => store.TryGetUri(r)?.AbsoluteUri ?? r).ToArray();
        try
        {
            using var client = CreateClient();
            using var response = await client.PostAsJsonAsync(
                new Uri("v1/score", UriKind.Relative),
                model is null ? new ScoreRequest(wireRefs, modelVersion) : new ScoreRequest(wireRefs, null, modelId ?? model),
                WireJson.Options,
                cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Fail(refs, $"The scoring worker answered {await DescribeAsync(response, cancellationToken).ConfigureAwait(false)}.");
            }

            var body = await response.Content.ReadFromJsonAsync<ScoreResponse>(WireJson.Options, cancellationToken).ConfigureAwait(false);
            if (body?.Results is not { } wire || wire.Count != refs.Length)
            {
                return Fail(refs, $"The scoring worker returned {body?.Results?.Count ?? 0} results for {refs.Length} tiles.");
            }

            return [.. refs.Select((tileRef, i) => ToPrediction(tileRef, wire[i]))];
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // After retries (or with the circuit open) any failure becomes error rows for these tiles only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail(refs, $"Scoring on the worker failed after retries: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private IReadOnlyList<TilePrediction> Fail(string[] refs, string error)
    {
        LogCallFailed(logger, refs.Length, options.Value.Endpoint, error);
        return [.. refs.Select(r => TilePrediction.Failed(r, error))];
    }

    private static TilePrediction ToPrediction(string tileRef, TileScore result)
    {
        if (result.Error is { Length: > 0 } error)
        {
            return TilePrediction.Failed(tileRef, error);
        }

        if (!LabelScheme.TryParseClass(result.Label, out var label))
        {
            return TilePrediction.Failed(tileRef, $"The scoring worker returned an unknown label '{result.Label}'.");
        }

        if (result.Probabilities is not { } probabilities || probabilities.Count != LabelScheme.ClassCount)
        {
            return TilePrediction.Failed(tileRef, $"The scoring worker returned {result.Probabilities?.Count ?? 0} probabilities, not {LabelScheme.ClassCount}.");
        }

        return new TilePrediction(tileRef, label, probabilities, null, result.Resized);
    }

    private HttpClient CreateClient()
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        var endpoint = options.Value.Endpoint ?? throw new InvalidOperationException("Scoring:Endpoint is not set.");
        client.BaseAddress = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        return client;
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var detail = text.Length > 300 ? text[..300] + "…" : text;
        return $"{(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail : string.Empty)}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring worker {Endpoint} serves model {ModelVersion} on {Provider}")]
    private static partial void LogModel(ILogger logger, Uri? endpoint, string modelVersion, string? provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A call of {Count} tiles to scoring worker {Endpoint} failed; its tiles become error rows: {Error}")]
    private static partial void LogCallFailed(ILogger logger, int count, Uri? endpoint, string error);
}
