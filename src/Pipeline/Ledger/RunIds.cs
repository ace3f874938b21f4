using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LandUse.Pipeline.Ledger;

/// <summary>
/// Run ids name folders, table partition keys and orchestration instances, so they are restricted to
/// letters, digits, '.', '_' and '-' (1-63 characters, starting with a letter or digit).
/// </summary>
public static class RunIds
{
    public const int MaxLength = 63;

    // Default ids end in (nonce + sequence): distinct within a process for 2^32 ids, and a random 32-bit start per process
    // keeps two processes that start in the same millisecond apart.
    private static readonly uint Nonce = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
    private static int _sequence;

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

    /// <summary>
    /// A readable default that cannot collide: the source's last name, cleaned, the UTC time to the millisecond and a
    /// unique suffix (e.g. <c>tiles-20250101-120000-123-9f3a2c1d</c>), so two runs started in the same second (or
    /// millisecond, in two processes) get different ids.
    /// </summary>
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

        var unique = unchecked(Nonce + (uint)Interlocked.Increment(ref _sequence));
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + "-" + unique.ToString("x8", CultureInfo.InvariantCulture);
        stem = stem.Length > MaxLength - stamp.Length - 1 ? stem[..(MaxLength - stamp.Length - 1)] : stem;
        return $"{stem}-{stamp}";
    }
}
