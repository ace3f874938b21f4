using LandUse.Synthetic.Tiles;

namespace LandUse.Synthetic.County;

/// <summary>A cell whose true class differs between the two years: the ground truth for change detection.</summary>
public sealed record CountyChange(string Id, int Row, int Col, TileClass From, TileClass To);
