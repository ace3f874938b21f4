using System.Diagnostics.CodeAnalysis;
using LandUse.Scoring.Bundles;

namespace LandUse.Scoring.Registry;

/// <summary>
/// A model in the registry, as runs and requests name it: <c>&lt;name&gt;/&lt;version&gt;</c> (pinned), or <c>&lt;name&gt;</c> for
/// its newest version. The pinned form is also what every prediction row and the ledger record, so a recorded version
/// can always be named again.
/// </summary>
public sealed record ModelReference
{
    /// <summary>Longest name or version: keeps <c>&lt;name&gt;/&lt;version&gt;/manifest.json</c> well under blob-name limits.</summary>
    public const int MaxSegmentLength = 128;

    private ModelReference(string name, string? version)
    {
        Name = name;
        Version = version;
    }

    public string Name { get; }

    /// <summary>The version, or null for "the newest version of <see cref="Name"/>".</summary>
    public string? Version { get; }

    [MemberNotNullWhen(true, nameof(Version))]
    public bool IsPinned => Version is not null;

    /// <summary>Parses <c>name</c> or <c>name/version</c>; throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static ModelReference Parse(string? text)
    {
        if (TryParse(text, out var reference, out var problem))
        {
            return reference;
        }

        throw new ArgumentException(problem);
    }

    /// <summary>False, with the reason, when <paramref name="text"/> is not <c>name</c> or <c>name/version</c>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ModelReference? reference, out string problem)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "A model reference is empty: give <name> or <name>/<version>.";
            return false;
        }

        var parts = text.Split('/');
        if (parts.Length > 2)
        {
            problem = $"Model reference '{text}' has more than one '/': give <name> or <name>/<version>.";
            return false;
        }

        foreach (var part in parts)
        {
            if (SegmentProblem(part) is { } bad)
            {
                problem = $"Model reference '{text}': {bad}";
                return false;
            }
        }

        reference = new ModelReference(parts[0], parts.Length == 2 ? parts[1] : null);
        problem = "";
        return true;
    }

    /// <summary>The pinned reference of a bundle: its manifest's name and version.</summary>
    public static ModelReference Of(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new ModelReference(manifest.Name, manifest.Version);
    }

    /// <summary>The same name at <paramref name="version"/>.</summary>
    public ModelReference At(string version) => new(Name, version);

    /// <summary>Null when <paramref name="segment"/> can be a registry name or version, else why not.</summary>
    public static string? SegmentProblem(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Length == 0)
        {
            return "a name or version is empty.";
        }

        if (segment.Length > MaxSegmentLength)
        {
            return $"'{segment[..20]}…' is longer than {MaxSegmentLength} characters.";
        }

        if (!char.IsAsciiLetterOrDigit(segment[0]) || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return $"'{segment}' must start with a letter or digit and hold only letters, digits, '.', '_' and '-'.";
        }

        return null;
    }

    public override string ToString() => Version is null ? Name : $"{Name}/{Version}";
}
