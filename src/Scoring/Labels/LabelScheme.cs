using System.Diagnostics.CodeAnalysis;

namespace LandUse.Scoring.Labels;

/// <summary>The one place that knows class names, their order, the 6 → 3 regrouping and the NLCD mapping.</summary>
public static class LabelScheme
{
    /// <summary>The six classes in model-output order.</summary>
    public static IReadOnlyList<LandCover> Classes { get; } = Enum.GetValues<LandCover>();

    /// <summary>The three groups in report order.</summary>
    public static IReadOnlyList<LandGroup> Groups { get; } = Enum.GetValues<LandGroup>();

    /// <summary>Class names in model-output order: Barren, Forest, Shrub, Cultivated, Herbaceous, Developed.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = Classes.Select(c => c.ToString()).ToArray();

    /// <summary>Group names in report order: Developed, Cultivated, Undeveloped.</summary>
    public static IReadOnlyList<string> GroupNames { get; } = Groups.Select(g => g.ToString()).ToArray();

    public static int ClassCount => Classes.Count;

    public static int GroupCount => Groups.Count;

    /// <summary>Developed and Cultivated keep their names; Barren, Forest, Shrub and Herbaceous are Undeveloped.</summary>
    public static LandGroup GroupOf(LandCover cover) => cover switch
    {
        LandCover.Developed => LandGroup.Developed,
        LandCover.Cultivated => LandGroup.Cultivated,
        LandCover.Barren or LandCover.Forest or LandCover.Shrub or LandCover.Herbaceous => LandGroup.Undeveloped,
        _ => throw new ArgumentOutOfRangeException(nameof(cover), cover, "Not a land-cover class."),
    };

    /// <summary>Parses a class name exactly as folders and CSVs spell it (case-insensitive, no numbers).</summary>
    public static bool TryParseClass(string? name, out LandCover cover)
    {
        cover = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        foreach (var c in Classes)
        {
            if (string.Equals(c.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                cover = c;
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a group name (Developed, Cultivated, Undeveloped), case-insensitive.</summary>
    public static bool TryParseGroup(string? name, out LandGroup group)
    {
        group = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        foreach (var g in Groups)
        {
            if (string.Equals(g.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                group = g;
                return true;
            }
        }

        return false;
    }

    /// <summary>NLCD 2011 code to class; water, ice and wetlands (and unknown codes) are not training classes.</summary>
    public static bool TryFromNlcd(int code, [NotNullWhen(true)] out LandCover? cover)
    {
        cover = code switch
        {
            21 or 22 or 23 or 24 => LandCover.Developed,
            31 => LandCover.Barren,
            41 or 42 or 43 => LandCover.Forest,
            51 or 52 => LandCover.Shrub,
            71 or 72 or 73 or 74 => LandCover.Herbaceous,
            81 or 82 => LandCover.Cultivated,
            _ => null,
        };
        return cover is not null;
    }
}
