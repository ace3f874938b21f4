namespace LandUse.Analysis.Charts;

/// <summary>Pixel size of a rendered chart.</summary>
public sealed record ChartSize(int Width, int Height)
{
    public static ChartSize Default { get; } = new(560, 420);
}
