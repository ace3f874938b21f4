using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Worker.Options;

namespace LandUse.Worker.Model;

/// <summary>Opens a scorer the way the worker runs every model (its provider, batch and threads), warmed with one tile.</summary>
internal static class WorkerScorers
{
    public static OnnxTileScorer Open(ModelBundle bundle, WorkerOptions settings, ILoggerFactory loggerFactory) => new(
        bundle,
        new ScoringOptions
        {
            BatchSize = settings.MaxBatch,
            Provider = settings.Provider,
            IntraOpThreads = settings.IntraOpThreads,
            MaxFileBytes = Tiles.TileReader.MaxTileBytes,
        },
        loggerFactory.CreateLogger<OnnxTileScorer>());

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
