namespace LandUse.Scoring.Output;

/// <summary>The tile id rule, in one place: the file name of a tile's path without its extension.</summary>
public static class TileIds
{
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.Replace('\\', '/');
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
