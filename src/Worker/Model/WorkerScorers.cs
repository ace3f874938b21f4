using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Inference.Staged;
using LandUse.Worker.Options;

namespace LandUse.Worker.Model;

/// <summary>Opens a scorer the way the worker runs every model (its provider, batch and threads), warmed with one tile.</summary>
internal static class WorkerScorers
{
    /// <summary>
    /// On CUDA the two-stage scorer (the batcher overlaps decode of the next batch with GPU inference of this one); on
    /// the CPU one stage.
    /// </summary>
    public static ITileScorer Open(ModelBundle bundle, WorkerOptions settings, ILoggerFactory loggerFactory)
    {
        var scoring = new ScoringOptions
        {
            BatchSize = settings.MaxBatch,
            Provider = settings.Provider,
            IntraOpThreads = settings.IntraOpThreads,
            MaxFileBytes = Tiles.TileReader.MaxTileBytes,
        };
        return settings.Provider == ExecutionProvider.Cuda
            ? new StagedTileScorer(bundle, scoring, Math.Max(1, settings.PipelineDepth), loggerFactory.CreateLogger<StagedTileScorer>())
            : new OnnxTileScorer(bundle, scoring, loggerFactory.CreateLogger<OnnxTileScorer>());
    }

    /// <summary>The bundle a scorer the worker opened serves, or null for a scorer of another kind.</summary>
    public static ModelBundle? BundleOf(ITileScorer scorer) => scorer switch
    {
        OnnxTileScorer onnx => onnx.Bundle,
        StagedTileScorer staged => staged.Bundle,
        _ => null,
    };

    /// <summary>Scores one plain tile so the first real batch does not pay for session start-up; throws if it fails.</summary>
    public static void WarmUp(ITileScorer scorer, CancellationToken cancellationToken)
    {
        var warm = scorer.Score([new TileInput("warm-up", WarmupTile.Png)], cancellationToken);
        if (warm.Count != 1 || !warm[0].Succeeded)
        {
            throw new InvalidOperationException($"The warm-up batch failed: {(warm.Count > 0 ? warm[0].Error : "no prediction")}.");
        }
    }
}
