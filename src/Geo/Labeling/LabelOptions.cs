namespace LandUse.Geo.Labeling;

/// <summary>How tiles are labeled: points sampled per tile (a perfect square, laid out as a k x k grid), the agreement rule, and where the training layout goes.</summary>
public sealed record LabelOptions
{
    public int Points { get; init; } = 9;

    public AgreeMode Agree { get; init; } = AgreeMode.All;

    /// <summary>Training layout folder for <see cref="AgreeMode.All"/>; null means <c>&lt;tiles-dir&gt;/labeled</c>.</summary>
    public string? Output { get; init; }

    /// <summary>Points per side of the grid; a count that is not a perfect square (1, 4, 9, 16, ...) is an error naming the option.</summary>
    public int Side()
    {
        var side = (int)Math.Round(Math.Sqrt(Points));
        if (Points < 1 || Points > 400 || side * side != Points)
        {
            throw new GeoDataException($"--points must be a perfect square between 1 and 400 (1, 4, 9, 16, ...: a k x k grid inside each tile), got {Points}.");
        }

        return side;
    }
}
