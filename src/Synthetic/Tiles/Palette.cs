using LandUse.Synthetic.Randomness;
using SkiaSharp;

namespace LandUse.Synthetic.Tiles;

/// <summary>Colour helpers shared by all painters, so every class draws from the same overlapping ranges.</summary>
internal static class Palette
{
    /// <summary>Colour from hue in degrees and saturation and value in [0, 1].</summary>
    public static SKColor Hsv(float hue, float saturation, float value, byte alpha = 255)
    {
        var h = ((hue % 360f) + 360f) % 360f;
        return SKColor.FromHsv(h, Math.Clamp(saturation, 0f, 1f) * 100f, Math.Clamp(value, 0f, 1f) * 100f, alpha);
    }

    /// <summary>Random colour with hue, saturation and value drawn uniformly from the given ranges.</summary>
    public static SKColor Draw(TileRandom random, (float Min, float Max) hue, (float Min, float Max) saturation, (float Min, float Max) value) =>
        Hsv(random.Range(hue.Min, hue.Max), random.Range(saturation.Min, saturation.Max), random.Range(value.Min, value.Max));

    /// <summary>The colour moved a little in hue, saturation and value (amounts are standard deviations).</summary>
    public static SKColor Jitter(TileRandom random, SKColor color, float hue, float saturation, float value)
    {
        color.ToHsv(out var h, out var s, out var v);
        return Hsv(
            h + (random.Normal() * hue),
            (s / 100f) + (random.Normal() * saturation),
            (v / 100f) * (1f + (random.Normal() * value)),
            color.Alpha);
    }

    /// <summary>Multiplies brightness (factor below 1 darkens).</summary>
    public static SKColor Shade(SKColor color, float factor) => new(
        ToByte(color.Red * factor), ToByte(color.Green * factor), ToByte(color.Blue * factor), color.Alpha);

    public static SKColor WithAlpha(SKColor color, float alpha) => color.WithAlpha(ToByte(alpha * 255f));

    /// <summary>Linear mix of two colours.</summary>
    public static SKColor Mix(SKColor a, SKColor b, float t) => new(
        ToByte(a.Red + ((b.Red - a.Red) * t)),
        ToByte(a.Green + ((b.Green - a.Green) * t)),
        ToByte(a.Blue + ((b.Blue - a.Blue) * t)),
        ToByte(a.Alpha + ((b.Alpha - a.Alpha) * t)));

    /// <summary>Vegetation green to straw: shared by grass, crops and lawns.</summary>
    public static SKColor Grass(TileRandom random) =>
        Draw(random, (42f, 115f), (0.2f, 0.62f), (0.35f, 0.75f));

    /// <summary>Tree canopy, mostly green, sometimes autumn or leaf-off brown.</summary>
    public static SKColor Canopy(TileRandom random) => random.Chance(0.15)
        ? Draw(random, (20f, 55f), (0.25f, 0.6f), (0.25f, 0.5f))
        : Draw(random, (70f, 140f), (0.2f, 0.6f), (0.22f, 0.58f));

    /// <summary>Bare earth, sand and rock: from grey through tan to reddish.</summary>
    public static SKColor Soil(TileRandom random) =>
        Draw(random, (15f, 52f), (0.05f, 0.5f), (0.4f, 0.85f));

    /// <summary>Dry ground under sparse vegetation.</summary>
    public static SKColor DryGround(TileRandom random) =>
        Draw(random, (25f, 70f), (0.1f, 0.45f), (0.4f, 0.78f));

    /// <summary>Asphalt and concrete greys with a slight tint.</summary>
    public static SKColor Pavement(TileRandom random) =>
        Draw(random, (0f, 360f), (0f, 0.1f), (0.3f, 0.75f));

    private static byte ToByte(float v) => (byte)Math.Clamp(MathF.Round(v), 0f, 255f);
}
