namespace LandUse.Geo.Rasters;

/// <summary>
/// A north-up raster's place in its CRS: the outer corner of pixel (0, 0) and the pixel size (both sizes positive;
/// CRS y grows north while pixel rows grow south). Rotated or sheared rasters are refused when read.
/// </summary>
public readonly record struct GeoTransform(double OriginX, double OriginY, double PixelWidth, double PixelHeight)
{
    /// <summary>CRS coordinates of a pixel-space point (column, row measured from the top-left corner, in pixels).</summary>
    public (double X, double Y) ToWorld(double column, double row) => (OriginX + (column * PixelWidth), OriginY - (row * PixelHeight));

    /// <summary>Pixel-space position (column, row) of a CRS point; the pixel holding it is the floor of each.</summary>
    public (double Column, double Row) ToPixel(double x, double y) => ((x - OriginX) / PixelWidth, (OriginY - y) / PixelHeight);
}
