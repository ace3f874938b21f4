using LandUse.Scoring.Labels;
using LandUse.Synthetic.Tiles;

namespace LandUse.TestSupport;

/// <summary>
/// Maps the label scheme's classes to the synthetic painters' and back, by name: Synthetic depends on no LandUse
/// project, so tests that want "a Forest tile" translate here (the names and numbers agree, a test pins it).
/// </summary>
public static class SyntheticLabels
{
    public static TileClass Painter(LandCover cover) => Enum.Parse<TileClass>(cover.ToString());

    public static LandCover Cover(TileClass painted) =>
        LabelScheme.TryParseClass(painted.ToString(), out var cover) ? cover : throw new ArgumentOutOfRangeException(nameof(painted), painted, "Not a label-scheme class.");

    /// <summary>A deterministic synthetic tile of <paramref name="cover"/> (tile <paramref name="index"/> of set <paramref name="seed"/>) as PNG bytes.</summary>
    public static byte[] Png(LandCover cover, int index, int seed = 7)
    {
        var painter = Painter(cover);
        return TileGenerator.RenderPng(painter, TileGenerator.TileSeed(seed, painter, index));
    }
}
