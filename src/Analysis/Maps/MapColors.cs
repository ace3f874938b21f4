using LandUse.Scoring.Labels;
using SkiaSharp;

namespace LandUse.Analysis.Maps;

/// <summary>The study's map palette: red = developed, white = cultivated, green = undeveloped; grey marks missing or failed tiles.</summary>
public static class MapColors
{
    public static SKColor Developed { get; } = new(220, 30, 30);

    public static SKColor Cultivated { get; } = new(255, 255, 255);

    public static SKColor Undeveloped { get; } = new(34, 139, 34);

    public static SKColor Missing { get; } = new(150, 150, 150);

    /// <summary>Change map: tiles that made the selected transition.</summary>
    public static SKColor Candidate { get; } = new(255, 0, 255);

    /// <summary>Change map: tiles that changed group in another way.</summary>
    public static SKColor OtherChange { get; } = new(255, 165, 0);

    public static SKColor Of(LandGroup? group) => group switch
    {
        LandGroup.Developed => Developed,
        LandGroup.Cultivated => Cultivated,
        LandGroup.Undeveloped => Undeveloped,
        _ => Missing,
    };

    /// <summary>Hex form (#rrggbb) for HTML legends.</summary>
    public static string Hex(SKColor color) => $"#{color.Red:x2}{color.Green:x2}{color.Blue:x2}";

    /// <summary>A colour faded toward white, used for unchanged tiles under a change overlay.</summary>
    public static SKColor Faded(SKColor color, float amount = 0.6f) => new(
        (byte)(color.Red + ((255 - color.Red) * amount)),
        (byte)(color.Green + ((255 - color.Green) * amount)),
        (byte)(color.Blue + ((255 - color.Blue) * amount)));
}
