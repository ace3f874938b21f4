using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Models;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Pipeline.Truth;
using LandUse.Pipeline.Uploads;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Configuration;

/// <summary>
/// Turns <see cref="LandUseOptions"/> into the Pipeline's source and target records, so orchestration inputs carry a
/// connection <em>name</em> or a service URI, never a secret; says which model a run scores with (the one it names,
/// else <c>LandUse__DefaultModel</c>, both in the app's registry, else the <c>LandUse__ModelBundlePath</c> folder) and
/// which live run, with which model (<c>LandUse__Live__Model</c>), uploads to a container go to.
/// </summary>
public sealed class AppTargets(IOptions<LandUseOptions> options) : IUploadRuns
{
    /// <summary>Configuration key of the Azurite / local connection string, resolved by Pipeline's StorageConnections.</summary>
    public const string ConnectionName = LandUseOptions.SectionName + ":" + nameof(LandUseOptions.StorageConnectionString);

    private readonly LandUseOptions _options = options.Value;

    public LandUseOptions Options => _options;

    public LiveRunOptions Batching => _options.Live;

    /// <summary>The app's model registry: <see cref="LandUseOptions.ModelsContainer"/> in its storage account.</summary>
    public ModelRegistryLocation Models() =>
        ModelRegistryLocation.Blob(_options.ModelsContainer, Connection, UsesConnectionString ? null : _options.BlobServiceUri);

    private bool UsesConnectionString => !string.IsNullOrWhiteSpace(_options.StorageConnectionString);

    private string? Connection => UsesConnectionString ? ConnectionName : null;

    /// <summary>Tiles under <paramref name="prefix"/> of <paramref name="container"/> (default: the tiles container).</summary>
    public TileSourceSpec Tiles(string? container = null, string prefix = "") =>
        TileSourceSpec.Blob(container ?? _options.TilesContainer, prefix, Connection, UsesConnectionString ? null : _options.BlobServiceUri);

    /// <summary>The predictions and page tables, and the ledger, of this app's storage account.</summary>
    public PredictionTarget Predictions() => PredictionTarget.Tables(Connection, UsesConnectionString ? null : _options.TableServiceUri);

    /// <summary>The results container: <c>runs/&lt;runId&gt;/</c> for run artifacts, <c>compare/&lt;id&gt;/</c> for comparisons.</summary>
    public ArtifactTarget Results() => ArtifactTarget.Blob(_options.ResultsContainer, Connection, UsesConnectionString ? null : _options.BlobServiceUri);

    /// <summary>
    /// A run of this app over tiles, with its defaults (storage is always this app's account), scoring with
    /// <paramref name="model"/> (a registry reference), else <see cref="LandUseOptions.DefaultModel"/>, else the bundle folder.
    /// </summary>
    /// <exception cref="ArgumentException">No model is named anywhere (parameter <c>model</c>).</exception>
    public RunRequest Run(string runId, TileSourceSpec source, string? model = null)
    {
        var named = Named(model) ?? Named(_options.DefaultModel);
        var folder = Named(_options.ModelBundlePath);
        if (named is null && folder is null)
        {
            throw new ArgumentException(
                $"No model named: give 'model' (<name> or <name>/<version> in the '{_options.ModelsContainer}' container, see `landuse model list`) or set LandUse__DefaultModel.",
                nameof(model));
        }

        return new RunRequest
        {
            RunId = runId,
            Source = source,
            ModelBundle = named ?? folder!,
            Models = named is null ? null : Models(),
            Output = Predictions(),
            Results = Results(),
        };
    }

    /// <summary>The live run of <paramref name="container"/>: its uploads, scored with <c>LandUse__Live__Model</c> (else the default model).</summary>
    /// <exception cref="InvalidOperationException">No model is set for uploads; the message names the settings.</exception>
    public RunRequest RunFor(string container)
    {
        RunRequest run;
        try
        {
            run = Run(LiveRuns.RunIdFor(container), Tiles(container, ""), _options.Live.Model);
        }
        catch (ArgumentException ex) when (ex.ParamName == "model")
        {
            throw new InvalidOperationException(
                "No model for upload scoring: set LandUse__Live__Model (or LandUse__DefaultModel) to a registry model, or LandUse__ModelBundlePath to a bundle folder.", ex);
        }

        return run with { BatchSize = Math.Max(1, _options.Live.BatchSize), Truth = TruthSource.Auto };
    }

    private static string? Named(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
