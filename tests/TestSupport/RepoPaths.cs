namespace LandUse.TestSupport;

/// <summary>Finds the repository root (the folder holding LandUse.sln): recorded at build time, else above the output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var built = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "LandUse.sln")))
        {
            return Path.TrimEndingDirectorySeparator(built);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LandUse.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LandUse.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    /// <summary>Git-ignored folder for tools the tests install (Azurite).</summary>
    public static string Tools => Path.Combine(Root, ".tools");

    /// <summary>Git-ignored cache for things worth keeping between test runs (the trained test bundle).</summary>
    public static string Cache => Path.Combine(Root, ".cache");
}
