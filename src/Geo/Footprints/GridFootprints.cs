using LandUse.Geo.Crs;
using LandUse.Geo.Tiling;

namespace LandUse.Geo.Footprints;

/// <summary>
/// True tile footprints on a <c>landuse tile</c> grid (<see cref="GridInfo"/>, grid.json): the tile at (row, col) spans
/// pixels [col × stride, col × stride + size) × [row × stride, row × stride + size) from the grid's top-left corner; its
/// four corners in the scene CRS are reprojected to WGS 84 (a UTM tile is slightly turned against true north, so this is
/// not the box of its centre).
/// </summary>
public sealed class GridFootprints
{
    private readonly GridInfo _grid;
    private readonly CrsTransform _toWgs84;

    public GridFootprints(GridInfo grid, string name)
    {
        ArgumentNullException.ThrowIfNull(grid);
        _grid = grid;
        _toWgs84 = CrsTransform.ToWgs84(SupportedCrs.Get(grid.Epsg, name));
    }

    public GridInfo Grid => _grid;

    /// <summary>The tile's corners in the grid's CRS: top-left, bottom-left, bottom-right, top-right (counter-clockwise with y north).</summary>
    public IReadOnlyList<(double X, double Y)> CornersInCrs(int row, int col)
    {
        var left = _grid.OriginX + ((double)col * _grid.Stride * _grid.PixelWidth);
        var top = _grid.OriginY - ((double)row * _grid.Stride * _grid.PixelHeight);
        var (width, height) = _grid.TileExtent;
        return [(left, top), (left, top - height), (left + width, top - height), (left + width, top)];
    }

    public Footprint For(int row, int col) =>
        new([.. CornersInCrs(row, col).Select(c => _toWgs84.Apply(c.X, c.Y)).Select(p => (Lon: p.X, Lat: p.Y))], FootprintMethod.Grid);
}
