namespace LandUse.Pipeline.Stores;

/// <summary>
/// The rules every tile ref obeys, checked in one place: store-relative, forward slashes, no <c>..</c>,
/// not absolute, and an image extension for tiles. A ref that breaks them is rejected with its text in the message.
/// </summary>
public static class TileRefs
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Checks a store-relative path and returns it normalized (no leading "./", single slashes).</summary>
    /// <exception cref="ArgumentException">The ref is empty, absolute, uses backslashes or <c>..</c>, or has empty segments.</exception>
    public static string Normalize(string tileRef)
    {
        if (string.IsNullOrWhiteSpace(tileRef))
        {
            throw new ArgumentException("A tile ref must not be empty.", nameof(tileRef));
        }

        if (tileRef.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Tile ref '{tileRef}' uses backslashes; refs use forward slashes.", nameof(tileRef));
        }

        if (tileRef.StartsWith('/') || (tileRef.Length >= 2 && tileRef[1] == ':') || tileRef.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Tile ref '{tileRef}' is absolute; refs are relative to the store root.", nameof(tileRef));
        }

        var segments = tileRef.Split('/');
        var kept = new List<string>(segments.Length);
        foreach (var segment in segments)
        {
            if (segment == "..")
            {
                throw new ArgumentException($"Tile ref '{tileRef}' escapes the store root ('..').", nameof(tileRef));
            }

            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            kept.Add(segment);
        }

        if (kept.Count == 0)
        {
            throw new ArgumentException($"Tile ref '{tileRef}' names no file.", nameof(tileRef));
        }

        return string.Join('/', kept);
    }

    /// <summary>True for the image types the scorer decodes (.png, .jpg, .jpeg; any case).</summary>
    public static bool IsImage(string name) =>
        ImageExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The tile id: the file name without its extension (Scoring's one rule).</summary>
    public static string IdOf(string tileRef) => Scoring.Output.TileIds.Of(tileRef);

    /// <summary>The folder part of a ref ("" at the root), without a trailing slash.</summary>
    public static string FolderOf(string tileRef)
    {
        ArgumentNullException.ThrowIfNull(tileRef);
        var slash = tileRef.LastIndexOf('/');
        return slash >= 0 ? tileRef[..slash] : "";
    }

    /// <summary>The parent folder's name ("" at the root): the truth label for labeled layouts.</summary>
    public static string ParentNameOf(string tileRef)
    {
        var folder = FolderOf(tileRef);
        var slash = folder.LastIndexOf('/');
        return slash >= 0 ? folder[(slash + 1)..] : folder;
    }
}
