namespace LandUse.Functions.Configuration;

/// <summary>The Blob Storage rule for container names, checked before a request reaches storage.</summary>
public static class ContainerNames
{
    /// <summary>3-63 characters of lowercase letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !name.Contains("--", StringComparison.Ordinal)
        && !name.EndsWith('-');
}
