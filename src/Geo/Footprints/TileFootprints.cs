using LandUse.Geo.Tiling;

namespace LandUse.Geo.Footprints;

/// <summary>
/// The footprint of one tile of a folder: its true corners when the folder's grid (grid.json) and the tile's row/col are
/// known, else the centre square from its latitude/longitude, else none (the tile is left out of GeoJSON).
/// </summary>
public sealed class TileFootprints
{
    private readonly GridFootprints? _grid;

    /// <param name="grid">The folder's grid.json, or null when it has none.</param>
    /// <param name="name">Where the grid came from, for errors (an unsupported EPSG code).</param>
    public TileFootprints(GridInfo? grid, string name = GridInfo.FileName) => _grid = grid is null ? null : new GridFootprints(grid, name);

    /// <summary>Centre squares only: for folders without a grid.</summary>
    public static TileFootprints CentresOnly { get; } = new(null);

    public bool HasGrid => _grid is not null;

    public Footprint? For(int? row, int? col, double? lat, double? lon)
    {
        if (_grid is not null && row is { } r && col is { } c && r >= 0 && c >= 0)
        {
            return _grid.For(r, c);
        }

        return lat is { } la && lon is { } lo && double.IsFinite(la) && double.IsFinite(lo) && Math.Abs(la) < 90 && Math.Abs(lo) <= 180
            ? CentreFootprints.Square(la, lo)
            : null;
    }
}
