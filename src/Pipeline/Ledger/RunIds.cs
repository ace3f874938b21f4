using System.Globalization;
using System.Text;

namespace LandUse.Pipeline.Ledger;

/// <summary>
/// Run ids name folders, table partition keys and orchestration instances, so they are restricted to
/// letters, digits, '.', '_' and '-' (1-63 characters, starting with a letter or digit).
/// </summary>
public static class RunIds
{
    public const int MaxLength = 63;

    public static bool IsValid(string? runId) =>
        !string.IsNullOrEmpty(runId)
        && runId.Length <= MaxLength
        && char.IsAsciiLetterOrDigit(runId[0])
        && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <exception cref="ArgumentException">The run id breaks the rules; the message names it.</exception>
    public static string Validate(string? runId) =>
        IsValid(runId)
            ? runId!
            : throw new ArgumentException(
                $"Run id '{runId}' is not valid: use 1-{MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.", nameof(runId));

    /// <summary>A readable default: the source's last name, cleaned, plus a UTC timestamp (e.g. <c>tiles-20250101-120000</c>).</summary>
    public static string Default(string sourceName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var name = sourceName.TrimEnd('/', '\\');
        var slash = name.LastIndexOfAny(['/', '\\']);
        name = slash >= 0 ? name[(slash + 1)..] : name;
        var clean = new StringBuilder();
        foreach (var c in name)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        var stem = clean.ToString().Trim('-', '.', '_');
        if (stem.Length == 0)
        {
            stem = "run";
        }

        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        stem = stem.Length > MaxLength - stamp.Length - 1 ? stem[..(MaxLength - stamp.Length - 1)] : stem;
        return $"{stem}-{stamp}";
    }
}
