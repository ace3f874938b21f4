namespace LandUse.Analysis.Grids;

/// <summary>
/// The 3×3 plurality vote's weights: each known neighbour gives its label one vote, the centre tile gives its own label
/// <see cref="CentreWeight"/> votes (the study's "added weight for the center tile"). The default 2 makes the centre count double,
/// so a tile survives only when at least as many votes back it as back any other label.
/// </summary>
public sealed record SmoothingOptions(int CentreWeight = SmoothingOptions.DefaultCentreWeight)
{
    public const int DefaultCentreWeight = 2;

    public static SmoothingOptions Default { get; } = new();
}
