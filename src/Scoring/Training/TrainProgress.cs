namespace LandUse.Scoring.Training;

/// <summary>Where training is: a stage ("scan", "features", "head", "bundle") and how far along it is.</summary>
public sealed record TrainProgress(string Stage, int Done, int Total);
