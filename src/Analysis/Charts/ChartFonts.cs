namespace LandUse.Analysis.Charts;

/// <summary>
/// Gives ScottPlot a font file to draw text with. The bundled Skia build has no fontconfig, so system fonts cannot be found
/// by family name and titles, ticks and labels would silently come out empty; we register a TrueType file directly instead.
/// Looks at <c>LANDUSE_CHART_FONT</c>, then Liberation Sans (installed with Chromium) and DejaVu Sans, then any .ttf under
/// /usr/share/fonts. Without any font, charts still render, without text (the report's tables hold every number).
/// </summary>
public static class ChartFonts
{
    public const string FamilyName = "LandUse Sans";

    private static readonly Lazy<string?> Loaded = new(Load);

    private static readonly string[] Regular =
    [
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    /// <summary>The font file in use, or null when none was found.</summary>
    public static string? FontFile => Loaded.Value;

    /// <summary>Registers the font once per process; charts call this before drawing.</summary>
    public static void EnsureLoaded() => _ = Loaded.Value;

    private static string? Load()
    {
        var file = Find();
        if (file is null)
        {
            return null;
        }

        ScottPlot.Fonts.AddFontFile(FamilyName, file, bold: false, italic: false);
        var bold = BoldSibling(file);
        ScottPlot.Fonts.AddFontFile(FamilyName, bold ?? file, bold: true, italic: false);
        ScottPlot.Fonts.Default = FamilyName;
        return file;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("LANDUSE_CHART_FONT");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(configured))
        {
            return configured;
        }

        var known = Regular.FirstOrDefault(File.Exists);
        if (known is not null || !Directory.Exists("/usr/share/fonts"))
        {
            return known;
        }

        return Directory.EnumerateFiles("/usr/share/fonts", "*.ttf", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Contains("Mono", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static string? BoldSibling(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dir = Path.GetDirectoryName(file) ?? "";
        foreach (var candidate in new[] { name.Replace("-Regular", "-Bold", StringComparison.Ordinal), name + "-Bold" })
        {
            var path = Path.Combine(dir, candidate + ".ttf");
            if (candidate != name && File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
