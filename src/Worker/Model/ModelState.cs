namespace LandUse.Worker.Model;

/// <summary>Where the worker's model is in its life: loading in the background, ready to score, or failed to load.</summary>
internal enum ModelStatus
{
    Loading,
    Ready,
    Failed,
}
