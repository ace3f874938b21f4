using LandUse.Scoring.Labels;
using SkiaSharp;

namespace LandUse.Scoring.Tests.Support;

/// <summary>Writes a small labeled folder &lt;root&gt;/&lt;Label&gt;/&lt;n&gt;.png of 224x224 class-coloured, textured tiles.</summary>
internal static class LabeledTiles
{
    private static readonly (byte R, byte G, byte B)[] Colours =
        [(170, 150, 120), (30, 80, 35), (110, 120, 70), (190, 170, 90), (120, 160, 80), (140, 140, 150)];

    public static void Write(string root, int perClass)
    {
        foreach (var label in LabelScheme.Classes)
        {
            var folder = Path.Combine(root, label.ToString());
            Directory.CreateDirectory(folder);
            for (var i = 0; i < perClass; i++)
            {
                File.WriteAllBytes(Path.Combine(folder, $"{i:D2}.png"), Tile(label, i));
            }
        }
    }

    public static byte[] Tile(LandCover label, int seed)
    {
        var random = new Random((int)label * 1000 + seed);
        var (r, g, b) = Colours[(int)label];
        var stripe = 4 + (int)label * 5;
        return Images.Encode(224, 224, (x, y) =>
        {
            var texture = ((x + y * (int)label) / stripe % 2 == 0 ? 20 : -20) + random.Next(-15, 16);
            return (Clamp(r + texture), Clamp(g + texture), Clamp(b + texture), 255);
        }, SKEncodedImageFormat.Png);
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);
}
