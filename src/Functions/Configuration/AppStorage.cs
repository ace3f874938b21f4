using Azure.Identity;
using Azure.Storage.Blobs;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Configuration;

/// <summary>
/// Turns <see cref="LandUseOptions"/> into the Pipeline's source and target records, so orchestration inputs carry a
/// connection <em>name</em> or a service URI, never a secret, and every function opens the same cached stores.
/// </summary>
public sealed class AppStorage(
    IOptions<LandUseOptions> options,
    IConfiguration configuration,
    StorageConnections connections,
    TileStoreFactory tileStores,
    PredictionStoreFactory predictionStores)
{
    /// <summary>The model reference runs carry when the scoring worker (<c>Scoring:Endpoint</c>) serves the model.</summary>
    public const string RemoteModel = "scoring-worker";

    /// <summary>Configuration key of the Azurite / local connection string, resolved by Pipeline's StorageConnections.</summary>
    public const string ConnectionName = LandUseOptions.SectionName + ":" + nameof(LandUseOptions.StorageConnectionString);

    private readonly LandUseOptions _options = options.Value;

    public LandUseOptions Options => _options;

    /// <summary>The bundle folder for in-process scoring, else <see cref="RemoteModel"/> when a scoring worker is configured.</summary>
    public string ModelBundle =>
        !string.IsNullOrWhiteSpace(_options.ModelBundlePath) ? _options.ModelBundlePath
        : ScoringBackendRegistration.HasRemoteEndpoint(configuration) ? RemoteModel
        : throw new InvalidOperationException(LandUseOptionsValidator.NoModelMessage);

    private bool UsesConnectionString => !string.IsNullOrWhiteSpace(_options.StorageConnectionString);

    /// <summary>Tiles under <paramref name="prefix"/> of <paramref name="container"/> (default: the tiles container).</summary>
    public TileSourceSpec Tiles(string? container = null, string prefix = "") =>
        UsesConnectionString
            ? TileSourceSpec.Blob(container ?? _options.TilesContainer, prefix, ConnectionName)
            : TileSourceSpec.Blob(container ?? _options.TilesContainer, prefix, connectionName: null, _options.BlobServiceUri);

    /// <summary>The predictions, runs and page tables of this app's storage account.</summary>
    public PredictionTarget Predictions() =>
        UsesConnectionString
            ? PredictionTarget.Tables(ConnectionName)
            : PredictionTarget.Tables(connectionName: null, _options.TableServiceUri);

    public ITileStore OpenTiles(TileSourceSpec source) => tileStores.Open(source);

    public IPredictionStore OpenPredictions() => predictionStores.Open(Predictions());

    /// <summary>The results container (comparison reports and candidate files), with the app's connection or identity.</summary>
    public BlobContainerClient OpenResults() =>
        UsesConnectionString
            ? new BlobContainerClient(connections.Get(ConnectionName), _options.ResultsContainer)
            : new BlobServiceClient(
                _options.BlobServiceUri ?? throw new InvalidOperationException(LandUseOptions.SectionName + "__BlobServiceUri is not set."),
                new DefaultAzureCredential()).GetBlobContainerClient(_options.ResultsContainer);
}
