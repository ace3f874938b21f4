using LandUse.Scoring.Inference;

namespace LandUse.Worker.Model;

/// <summary>Opens the scorer the worker serves; the model host calls it once, in the background, after start-up.</summary>
internal interface IScorerSource
{
    Task<ITileScorer> LoadAsync(CancellationToken cancellationToken);
}
