using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Training;

/// <summary>
/// Reads the labeled layout &lt;root&gt;/&lt;Label&gt;/&lt;tile&gt;.png: one folder per class, any two or more of the
/// six classes, each with at least <see cref="MinTilesPerClass"/> tiles.
/// </summary>
public static class LabeledFolder
{
    /// <summary>Fewest tiles a class folder may hold: enough to hold one out for validation and still train on four.</summary>
    public const int MinTilesPerClass = 5;

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

        var folders = new List<(string Name, LabeledTile[] Images)>();
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

            folders.Add((name, Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(IsImage)
                .Order(StringComparer.Ordinal)
                .Select(p => new LabeledTile(p, label))
                .ToArray()));
        }

        foreach (var (name, images) in folders.Where(f => f.Images.Length < MinTilesPerClass))
        {
            throw new TrainingDataException(
                $"Labeled folder '{full}': class folder '{name}' has {images.Length} tile(s); each class folder needs at least {MinTilesPerClass} .png or .jpg tiles (remove the folder to train without it).");
        }

        var tiles = folders.SelectMany(f => f.Images).ToList();
        var classes = tiles.Select(t => t.Label).Distinct().ToArray();
        if (classes.Length < 2)
        {
            throw new TrainingDataException(
                $"Labeled folder '{full}' has tiles for {(classes.Length == 0 ? "no class" : "only " + classes[0])}; training needs at least two class folders <root>/<Label>/ (of {string.Join(", ", LabelScheme.ClassNames)}).");
        }

        return tiles.OrderBy(t => t.Label).ThenBy(t => t.Path, StringComparer.Ordinal).ToArray();
    }
}
