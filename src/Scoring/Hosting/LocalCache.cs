namespace LandUse.Scoring.Hosting;

/// <summary>Where landuse keeps what it builds or downloads once per machine (demo bundle, registry models, optimized graphs): $LANDUSE_CACHE, else $XDG_CACHE_HOME/landuse, else ~/.cache/landuse.</summary>
public static class LocalCache
{
    public const string CacheVariable = "LANDUSE_CACHE";

    public static string Root()
    {
        var own = Environment.GetEnvironmentVariable(CacheVariable);
        if (!string.IsNullOrWhiteSpace(own))
        {
            return Path.GetFullPath(own);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg))
        {
            return Path.Combine(Path.GetFullPath(xdg), "landuse");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
        {
            home = Path.GetTempPath();
        }

        return Path.Combine(home, ".cache", "landuse");
    }
}
