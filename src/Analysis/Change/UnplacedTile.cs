using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>What a comparison keeps of a tile with no grid position (joined by id instead): its path and its two groups.</summary>
internal sealed record UnplacedTile(string Path, LandGroup? Label, LandGroup? Truth);
