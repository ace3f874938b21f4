using LandUse.Pipeline.Uploads;

namespace LandUse.Functions.Configuration;

/// <summary>
/// Where the Function App finds tiles, results, predictions and the model; bound from the <c>LandUse</c> section
/// (app settings <c>LandUse__TilesContainer</c>, <c>LandUse__BlobServiceUri</c>, ...). Identity-based in Azure:
/// set the service URIs; set <see cref="StorageConnectionString"/> only for Azurite or local runs.
/// </summary>
public sealed record LandUseOptions
{
    public const string SectionName = "LandUse";

    /// <summary>Blob container holding the tiles; the Event Grid blob trigger watches the same container.</summary>
    public string TilesContainer { get; init; } = "tiles";

    /// <summary>Blob container that receives run artifacts (<c>runs/&lt;runId&gt;/</c>) and comparisons (<c>compare/&lt;id&gt;/</c>).</summary>
    public string ResultsContainer { get; init; } = "results";

    /// <summary>Blob service endpoint used with the managed identity, e.g. <c>https://acct.blob.core.windows.net</c>.</summary>
    public Uri? BlobServiceUri { get; init; }

    /// <summary>Table service endpoint used with the managed identity, e.g. <c>https://acct.table.core.windows.net</c>.</summary>
    public Uri? TableServiceUri { get; init; }

    /// <summary>Connection string for Azurite or local development; when set it wins over the service URIs.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>
    /// Model bundle folder (<c>model.onnx</c> + <c>manifest.json</c>) for in-process scoring, used when neither the request
    /// nor <see cref="DefaultModel"/> names a registry model.
    /// </summary>
    public string? ModelBundlePath { get; init; }

    /// <summary>The model registry's blob container (<c>&lt;name&gt;/&lt;version&gt;/{model.onnx,manifest.json}</c>) in this app's account.</summary>
    public string ModelsContainer { get; init; } = Scoring.Registry.RegistryLayout.DefaultContainer;

    /// <summary>Registry model (<c>&lt;name&gt;/&lt;version&gt;</c> or <c>&lt;name&gt;</c>) of a run whose request names none.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Where in-process scoring caches downloaded registry models (default: <c>landuse-models</c> in the temp folder).</summary>
    public string? ModelCacheFolder { get; init; }

    /// <summary>Most models loaded at once for in-process scoring; the least recently used idle one is unloaded.</summary>
    public int MaxLoadedModels { get; init; } = Scoring.Registry.ModelSessionOptions.DefaultMaxLoaded;

    /// <summary>How uploads are batched into the live run.</summary>
    public LiveRunOptions Live { get; init; } = new();
}
