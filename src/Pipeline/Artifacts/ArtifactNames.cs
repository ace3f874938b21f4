namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// The rule every artifact sink applies to an artifact's name before it touches a file or blob: a relative name with
/// '/' separators and no empty, '.' or '..' segment, so a name can never write outside its run's folder or prefix.
/// </summary>
public static class ArtifactNames
{
    /// <exception cref="ArgumentException">The name could leave the sink's folder or prefix; the message names it.</exception>
    public static string Checked(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var clean = name.Length > 0
            && !Path.IsPathRooted(name)
            && !name.Contains('\\', StringComparison.Ordinal)
            && name.Split('/').All(segment => segment is not ("" or "." or ".."));
        return clean ? name : throw new ArgumentException($"Artifact name '{name}' must be a relative file name (no '..', '.', empty segments or '\\').", nameof(name));
    }
}
