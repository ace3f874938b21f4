using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Runs;

/// <summary>
/// One tile of a run as analysis sees it: its prediction joined with its index entry (grid cell, coordinates, truth).
/// <paramref name="Predicted"/> is null when the tile failed (then <paramref name="Error"/> says why).
/// </summary>
public sealed record TileResult(
    string Path,
    string Id,
    LandCover? Predicted,
    LandCover? Truth,
    IReadOnlyList<float>? Probabilities,
    string? Error,
    int? Row,
    int? Col,
    double? Lat,
    double? Lon)
{
    /// <summary>Tile id from a store-relative path: the file name without its extension.</summary>
    public static string IdFromPath(string path)
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

    public bool HasCell => Row is not null && Col is not null;

    public bool HasCoordinates => Lat is not null && Lon is not null;
}
