using LandUse.Analysis.Grids;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>
/// What counts as change between run A and run B: the group pair (default Undeveloped → Developed), whether each side's
/// labels are smoothed first, and whether a side uses its truth labels instead of predictions (the study compared NLCD 2011
/// truth with 2016 predictions: <c>ATruth = true</c>).
/// </summary>
public sealed record ChangeOptions
{
    public LandGroup From { get; init; } = LandGroup.Undeveloped;

    public LandGroup To { get; init; } = LandGroup.Developed;

    public bool Smooth { get; init; }

    public SmoothingOptions Smoothing { get; init; } = SmoothingOptions.Default;

    public bool ATruth { get; init; }

    public bool BTruth { get; init; }

    public static ChangeOptions Default { get; } = new();
}
