using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Pipeline.Truth;
using LandUse.Pipeline.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Configuration;

/// <summary>
/// Turns <see cref="LandUseOptions"/> into the Pipeline's source and target records, so orchestration inputs carry a
/// connection <em>name</em> or a service URI, never a secret; also says which live run uploads to a container go to.
/// </summary>
public sealed class AppTargets(IOptions<LandUseOptions> options, IConfiguration configuration) : IUploadRuns
{
    /// <summary>The model reference runs carry when the scoring worker (<c>Scoring:Endpoint</c>) serves the model.</summary>
    public const string RemoteModel = "scoring-worker";

    /// <summary>Configuration key of the Azurite / local connection string, resolved by Pipeline's StorageConnections.</summary>
    public const string ConnectionName = LandUseOptions.SectionName + ":" + nameof(LandUseOptions.StorageConnectionString);

    private readonly LandUseOptions _options = options.Value;

    public LandUseOptions Options => _options;

    public LiveRunOptions Batching => _options.Live;

    /// <summary>The bundle folder for in-process scoring, else <see cref="RemoteModel"/> when a scoring worker is configured.</summary>
    public string ModelBundle =>
        !string.IsNullOrWhiteSpace(_options.ModelBundlePath) ? _options.ModelBundlePath
        : ScoringBackendRegistration.HasRemoteEndpoint(configuration) ? RemoteModel
        : throw new InvalidOperationException(LandUseOptionsValidator.NoModelMessage);

    private bool UsesConnectionString => !string.IsNullOrWhiteSpace(_options.StorageConnectionString);

    private string? Connection => UsesConnectionString ? ConnectionName : null;

    /// <summary>Tiles under <paramref name="prefix"/> of <paramref name="container"/> (default: the tiles container).</summary>
    public TileSourceSpec Tiles(string? container = null, string prefix = "") =>
        TileSourceSpec.Blob(container ?? _options.TilesContainer, prefix, Connection, UsesConnectionString ? null : _options.BlobServiceUri);

    /// <summary>The predictions and page tables, and the ledger, of this app's storage account.</summary>
    public PredictionTarget Predictions() => PredictionTarget.Tables(Connection, UsesConnectionString ? null : _options.TableServiceUri);

    /// <summary>The results container: <c>runs/&lt;runId&gt;/</c> for run artifacts, <c>compare/&lt;id&gt;/</c> for comparisons.</summary>
    public ArtifactTarget Results() => ArtifactTarget.Blob(_options.ResultsContainer, Connection, UsesConnectionString ? null : _options.BlobServiceUri);

    /// <summary>A run of this app over tiles, with its defaults (storage is always this app's account).</summary>
    public RunRequest Run(string runId, TileSourceSpec source) =>
        new() { RunId = runId, Source = source, ModelBundle = ModelBundle, Output = Predictions(), Results = Results() };

    public RunRequest RunFor(string container) => Run(LiveRuns.RunIdFor(container), Tiles(container, "")) with
    {
        BatchSize = Math.Max(1, _options.Live.BatchSize),
        Truth = TruthSource.Auto,
    };
}
