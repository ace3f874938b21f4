using System.Globalization;
using LandUse.Scoring.Imaging;

namespace LandUse.Pipeline.Stores;

/// <summary>
/// The rules every listed (or uploaded) entry passes before anything reads it, in one place for the folder walk, the
/// blob listing and upload events: its name must be a clean store-relative ref (no <c>..</c>, no backslash, no empty or
/// <c>.</c> segment, not absolute) and its size within the cap. An entry that breaks one is still listed and counted,
/// as a <see cref="TileEntry"/> whose <see cref="TileEntry.Problem"/> names the rule; it becomes an error row unread.
/// </summary>
public sealed class TileEntryRules(long maxFileBytes = TileLimits.MaxFileBytes)
{
    public static TileEntryRules Default { get; } = new();

    public long MaxFileBytes { get; } = maxFileBytes > 0 ? maxFileBytes : throw new ArgumentOutOfRangeException(nameof(maxFileBytes));

    /// <summary>The entry for a listed name, with its problem when it breaks a rule.</summary>
    public TileEntry Entry(string name, string version, long size) =>
        new(name, version, size) { Problem = ProblemOfName(name) ?? ProblemOfSize(name, size) };

    /// <summary>Why a name is not a clean ref, or null.</summary>
    public static string? ProblemOfName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return TileRefs.Normalize(name) == name
                ? null
                : Problem("BadName", name, "has an empty or '.' path segment, so it would read another file; it was not read.");
        }
        catch (ArgumentException ex)
        {
            var kind = name.Split('/').Contains("..") ? "EscapesRoot" : "BadName";
            return Problem(kind, name, Reason(name, ex.Message) + " It was not read.");
        }
    }

    /// <summary>Why a size is refused, or null.</summary>
    public string? ProblemOfSize(string name, long size) =>
        size > MaxFileBytes
            ? Problem("TooLarge", name, $"is {Number(size)} bytes, more than the {Number(MaxFileBytes)}-byte limit; it was not read.")
            : null;

    /// <summary>The one shape of an entry's problem: <c>Kind: tile 'ref' what happened</c>, like a decode failure.</summary>
    public static string Problem(string kind, string name, string text) => $"{kind}: tile '{name}' {text}";

    // "Tile ref 'x' escapes the store root ('..'). (Parameter 'tileRef')" -> "escapes the store root ('..').".
    private static string Reason(string name, string message)
    {
        var text = message.Split(" (Parameter", 2)[0];
        var prefix = $"Tile ref '{name}' ";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
