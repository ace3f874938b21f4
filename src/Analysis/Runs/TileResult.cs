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
    /// <summary>Tile id from a store-relative path: the file name without its extension (Scoring's one rule).</summary>
    public static string IdFromPath(string path) => LandUse.Scoring.Output.TileIds.Of(path);

    public bool HasCell => Row is not null && Col is not null;

    public bool HasCoordinates => Lat is not null && Lon is not null;
}
