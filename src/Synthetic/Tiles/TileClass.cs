namespace LandUse.Synthetic.Tiles;

/// <summary>
/// The six classes the painters draw, numbered and named exactly as LandUse's label scheme (Barren 0 … Developed 5),
/// so folder names and tiles.csv labels read as class names while the generator depends on no other LandUse project.
/// </summary>
public enum TileClass
{
    Barren = 0,
    Forest = 1,
    Shrub = 2,
    Cultivated = 3,
    Herbaceous = 4,
    Developed = 5,
}

/// <summary>The painted classes in order, for writers and callers that walk all six.</summary>
public static class TileClasses
{
    public static IReadOnlyList<TileClass> All { get; } = Enum.GetValues<TileClass>();
}
