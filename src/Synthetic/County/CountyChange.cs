using LandUse.Scoring.Labels;

namespace LandUse.Synthetic.County;

/// <summary>A cell whose true class differs between the two years: the ground truth for change detection.</summary>
public sealed record CountyChange(string Id, int Row, int Col, LandCover From, LandCover To);
