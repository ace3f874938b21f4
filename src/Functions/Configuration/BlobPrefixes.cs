namespace LandUse.Functions.Configuration;

/// <summary>
/// The rule for a tiles prefix in a request, checked before it reaches storage: a relative blob name prefix of at most
/// <see cref="MaxLength"/> characters (the blob name limit) with no leading '/', no '\', no control characters and no
/// empty, '.' or '..' segment (a trailing '/' is allowed), so it can only name blobs under the container it is in.
/// </summary>
public static class BlobPrefixes
{
    public const int MaxLength = 1024;

    /// <summary>Why <paramref name="prefix"/> is refused, or null when it is a clean prefix.</summary>
    public static string? Problem(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > MaxLength)
        {
            return $"Prefix is {prefix.Length} characters; blob names are at most {MaxLength}.";
        }

        if (prefix.Any(char.IsControl))
        {
            return "Prefix contains a control character.";
        }

        var segments = prefix.EndsWith('/') ? prefix[..^1].Split('/') : prefix.Split('/');
        return prefix.StartsWith('/') || prefix.Contains('\\', StringComparison.Ordinal) || (prefix.Length > 0 && segments.Any(s => s is "" or "." or ".."))
            ? $"Prefix '{prefix}' must be a relative blob name prefix: no leading '/', no '\\', no empty, '.' or '..' segment."
            : null;
    }
}
