namespace LandUse.Geo.Tiling;

/// <summary>
/// One row of <c>tiles.csv</c>: the tile's id and grid cell, its centre in WGS 84 and in the scene CRS, that CRS and
/// the scene the centre lies in; <see cref="Label"/> is set by <c>landuse label --agree plurality</c> (blank: no class).
/// </summary>
public sealed record TileRecord(string Id, int Row, int Col, double Lat, double Lon, double X, double Y, int Epsg, string Scene)
{
    /// <summary>Null when the file has no label column; empty when it has one and the tile has no class.</summary>
    public string? Label { get; init; }
}
