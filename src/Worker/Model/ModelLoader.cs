using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Inference.Staged;
using LandUse.Worker.Options;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Model;

/// <summary>Opens a scorer on the model bundle <c>Worker:ModelPath</c> names; the worker never builds or trains a model.</summary>
internal sealed partial class ModelLoader(IOptions<WorkerOptions> options, ILoggerFactory loggerFactory) : IScorerSource
{
    private readonly ILogger logger = loggerFactory.CreateLogger<ModelLoader>();

    public async Task<ITileScorer> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var path = settings.ModelPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException(
                "No model: set Worker__ModelPath to a model bundle folder (model.onnx + manifest.json), e.g. one `landuse train` or `landuse demo` wrote.");
        }

        LogLoading(logger, path, settings.Provider, settings.MaxBatch);
        var bundle = await LoadBundleAsync(path, cancellationToken).ConfigureAwait(false);
        var scoring = new ScoringOptions
        {
            BatchSize = settings.MaxBatch,
            Provider = settings.Provider,
            IntraOpThreads = settings.IntraOpThreads,
            MaxFileBytes = Tiles.TileReader.MaxTileBytes,
        };

        // On CUDA the batcher overlaps decode with GPU inference through the two-stage scorer; the CPU path stays one stage.
        ITileScorer scorer = settings.Provider == ExecutionProvider.Cuda
            ? new StagedTileScorer(bundle, scoring, Math.Max(1, settings.PipelineDepth), loggerFactory.CreateLogger<StagedTileScorer>())
            : new OnnxTileScorer(bundle, scoring, loggerFactory.CreateLogger<OnnxTileScorer>());
        LogProvider(logger, scorer.ModelVersion, scorer.ActiveProvider, settings.Provider);
        return scorer;
    }

    /// <summary>
    /// Loads the bundle, retrying briefly while its files are locked (a bundle still being copied or mounted, or read
    /// by another loader at the same moment); a bundle that is missing or invalid fails at once.
    /// </summary>
    private async Task<ModelBundle> LoadBundleAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ModelBundle.Load(path);
            }
            catch (IOException ex) when (attempt < LoadAttempts && ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                LogLocked(logger, path, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private const int LoadAttempts = 8;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model bundle {Path} could not be read (attempt {Attempt}): {Reason}; retrying")]
    private static partial void LogLocked(ILogger logger, string path, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading model bundle {Path} (provider {Provider}, max batch {MaxBatch})")]
    private static partial void LogLoading(ILogger logger, string path, ExecutionProvider provider, int maxBatch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelVersion} runs on execution provider {ActiveProvider} (asked for {Provider})")]
    private static partial void LogProvider(ILogger logger, string modelVersion, string activeProvider, ExecutionProvider provider);
}
