using LandUse.Geo.Crs;
using LandUse.Geo.Rasters;

namespace LandUse.Geo.Labeling;

/// <summary>
/// NLCD codes at points given in the tiles' CRS: each point reprojected into the NLCD raster's CRS (ProjNET) and the
/// nearest cell read, the cell whose area holds the point. Outside the raster, or on its GDAL no-data value: null.
/// </summary>
public sealed class NlcdSampler : IDisposable
{
    private readonly GeoTiffRaster _raster;
    private readonly CellSampler _cells;
    private readonly CrsTransform _toRaster;

    public NlcdSampler(string nlcdPath, SupportedCrs pointsCrs)
    {
        _raster = GeoTiffRaster.Open(nlcdPath);
        _cells = new CellSampler(_raster);
        _toRaster = CrsTransform.Between(pointsCrs, _raster.Crs);
    }

    public int Epsg => _raster.Crs.Epsg;

    public int? Sample(double x, double y)
    {
        var (nx, ny) = _toRaster.Apply(x, y);
        var (column, row) = _raster.Transform.ToPixel(nx, ny);
        if (!double.IsFinite(column) || !double.IsFinite(row))
        {
            return null;
        }

        var code = _cells.At((long)Math.Floor(column), (long)Math.Floor(row));
        return code is null || (_raster.HasNoDataTag && code == _raster.NoData) ? null : code;
    }

    public void Dispose() => _raster.Dispose();
}
