using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Training;

/// <summary>Reads the labeled layout &lt;root&gt;/&lt;Label&gt;/&lt;tile&gt;.png: one folder per class, all six classes present.</summary>
public static class LabeledFolder
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg" };

    /// <summary>True for the file extensions treated as tiles (.png, .jpg, .jpeg).</summary>
    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path));

    /// <summary>Every image under each class folder, sorted by class then ordinal path.</summary>
    public static IReadOnlyList<LabeledTile> Scan(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new TrainingDataException($"Labeled folder '{full}' does not exist.");
        }

        var tiles = new List<LabeledTile>();
        foreach (var folder in Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.'))
            {
                continue;
            }

            if (!LabelScheme.TryParseClass(name, out var label) || !string.Equals(name, label.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                throw new TrainingDataException(
                    $"Labeled folder '{full}': sub-folder '{name}' is not a class name; expected only {string.Join(", ", LabelScheme.ClassNames)}.");
            }

            tiles.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(IsImage)
                .Order(StringComparer.Ordinal)
                .Select(p => new LabeledTile(p, label)));
        }

        var missing = LabelScheme.Classes.Where(c => tiles.All(t => t.Label != c)).ToArray();
        if (missing.Length > 0)
        {
            throw new TrainingDataException(
                $"Labeled folder '{full}' has no tiles for {string.Join(", ", missing)}; every class needs a folder <root>/<Label>/ with .png or .jpg tiles.");
        }

        return tiles.OrderBy(t => t.Label).ThenBy(t => t.Path, StringComparer.Ordinal).ToArray();
    }
}
