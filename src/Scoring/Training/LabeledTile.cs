using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Training;

/// <summary>One training image and its class (the name of its parent class folder).</summary>
public sealed record LabeledTile(string Path, LandCover Label);
