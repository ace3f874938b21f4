using System.Globalization;

namespace LandUse.Analysis.Review;

/// <summary>Where a review sheet's thumbnails live beside compare.html: <c>review/&lt;rank&gt;-a.jpg</c> and <c>-b.jpg</c> (names never carry tile ids, so hostile ids cannot reach a path).</summary>
public static class ReviewImages
{
    public const string Folder = "review";

    /// <summary>The thumbnail of a candidate's side ('a' or 'b'), relative to the report.</summary>
    public static string Name(int rank, char side) =>
        side is 'a' or 'b'
            ? string.Create(CultureInfo.InvariantCulture, $"{Folder}/{rank:D4}-{side}.jpg")
            : throw new ArgumentOutOfRangeException(nameof(side), side, "A side is 'a' or 'b'.");

    /// <summary>Removes the thumbnails of an earlier comparison in the same folder (only files this class names).</summary>
    public static void Clear(string outDir)
    {
        var folder = Path.Combine(outDir, Folder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.jpg"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Length >= 6 && name[^2] == '-' && name[^1] is 'a' or 'b' && name[..^2].All(char.IsAsciiDigit))
            {
                File.Delete(file);
            }
        }
    }
}
