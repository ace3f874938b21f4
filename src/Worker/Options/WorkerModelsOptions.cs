using LandUse.Scoring.Registry;

namespace LandUse.Worker.Options;

/// <summary>
/// The model registry the worker loads requested models from (section <c>Worker:Models</c>): a blob container read with
/// the worker's identity (or a connection string for Azurite), a local download cache, and how many sessions stay loaded.
/// </summary>
public sealed record WorkerModelsOptions
{
    /// <summary>The registry container (<c>&lt;name&gt;/&lt;version&gt;/{model.onnx,manifest.json}</c>).</summary>
    public string Container { get; init; } = RegistryLayout.DefaultContainer;

    /// <summary>Blob service of the registry, read with DefaultAzureCredential (<c>AZURE_CLIENT_ID</c> picks the identity).</summary>
    public Uri? BlobServiceUri { get; init; }

    /// <summary>Connection string of the registry's account (Azurite, local use); wins over <see cref="BlobServiceUri"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Where downloaded bundles are cached (default: <c>landuse-models</c> in the temporary folder).</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Most registry models (ONNX Runtime sessions) loaded at once; the least recently used idle one is unloaded.</summary>
    public int MaxLoaded { get; init; } = ModelSessionOptions.DefaultMaxLoaded;

    public bool Configured => !string.IsNullOrWhiteSpace(ConnectionString) || BlobServiceUri is not null;
}
