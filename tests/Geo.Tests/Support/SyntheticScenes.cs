using BitMiracle.LibTiff.Classic;

namespace LandUse.Geo.Tests.Support;

/// <summary>
/// Scenes and NLCD rasters built from one <see cref="BlockPlan"/>: a 4-band UTM scene whose blocks are tiles, and an
/// NLCD raster in CONUS Albers (30 m) whose every cell holds the code of the block its centre falls in, found with the
/// textbook formulas of <see cref="Projections"/> (not the production ProjNET path).
/// </summary>
public static class SyntheticScenes
{
    /// <summary>UTM zone 18N, near 40.6 N 77.4 W (central Pennsylvania).</summary>
    public const double OriginX = 300_000;

    public const double OriginY = 4_500_000;

    public static int Zone(int epsg) => epsg % 100;

    public static double InverseFlattening(int epsg) => epsg / 100 == 269 ? Projections.Grs80InverseFlattening : Projections.Wgs84InverseFlattening;

    /// <summary>Writes a scene of the plan, <paramref name="tilePixels"/> pixels a block at <paramref name="pixelSize"/> metres.</summary>
    public static GeoTiffSpec WriteScene(string path, BlockPlan plan, int tilePixels, double pixelSize = 1, int epsg = 26918,
        double originX = OriginX, double originY = OriginY, Func<GeoTiffSpec, GeoTiffSpec>? adjust = null)
    {
        var spec = new GeoTiffSpec
        {
            Width = plan.Cols * tilePixels,
            Height = plan.Rows * tilePixels,
            Epsg = epsg,
            OriginX = originX,
            OriginY = originY,
            PixelSize = pixelSize,
        };
        spec = adjust?.Invoke(spec) ?? spec;
        GeoTiffWriter.Write(path, spec, (y, row) =>
        {
            for (var x = 0; x < spec.Width; x++)
            {
                var (r, c) = (Math.Min(y / tilePixels, plan.Rows - 1), Math.Min(x / tilePixels, plan.Cols - 1));
                var across = (x % tilePixels + 0.5) / tilePixels;
                var (red, green, blue, nir) = BlockPlan.Colour(plan[r, c], x, y, across);
                var at = x * spec.Bands;
                row[at] = red;
                if (spec.Bands >= 3)
                {
                    row[at + 1] = green;
                    row[at + 2] = blue;
                }

                if (spec.Bands >= 4)
                {
                    row[at + 3] = nir;
                }
            }
        });
        return spec;
    }

    /// <summary>
    /// Writes an NLCD raster (EPSG:5070, 30 m cells, 1 band) covering a UTM scene of the plan with a 300 m margin;
    /// cells outside the scene are water (11).
    /// </summary>
    public static void WriteNlcd(string path, BlockPlan plan, double blockMetres, int epsg = 26918, double originX = OriginX, double originY = OriginY,
        Compression compression = Compression.LZW, int? tileSide = 64)
    {
        const double cell = 30;
        var (zone, flattening) = (Zone(epsg), InverseFlattening(epsg));
        var (width, height) = (plan.Cols * blockMetres, plan.Rows * blockMetres);
        var corners = new[] { (0.0, 0.0), (width, 0.0), (0.0, height), (width, height), (width / 2, 0.0), (width / 2, height), (0.0, height / 2), (width, height / 2) }
            .Select(p => Projections.UtmInverse(originX + p.Item1, originY - p.Item2, zone, flattening))
            .Select(g => Projections.AlbersForward(g.Lat, g.Lon))
            .ToArray();
        var left = (Math.Floor(corners.Min(p => p.X) / cell) * cell) - 300;
        var top = (Math.Ceiling(corners.Max(p => p.Y) / cell) * cell) + 300;
        var columns = (int)Math.Ceiling((corners.Max(p => p.X) + 300 - left) / cell);
        var rows = (int)Math.Ceiling((top - (corners.Min(p => p.Y) - 300)) / cell);
        var spec = new GeoTiffSpec
        {
            Width = columns,
            Height = rows,
            Bands = 1,
            Epsg = 5070,
            OriginX = left,
            OriginY = top,
            PixelSize = cell,
            Compression = compression,
            TileSide = tileSide,
        };
        GeoTiffWriter.Write(path, spec, (y, row) =>
        {
            for (var x = 0; x < columns; x++)
            {
                var (lat, lon) = Projections.AlbersInverse(left + ((x + 0.5) * cell), top - ((y + 0.5) * cell));
                var (e, n) = Projections.UtmForward(lat, lon, zone, flattening);
                var (sx, sy) = ((e - originX) / blockMetres, (originY - n) / blockMetres);
                row[x] = sx < 0 || sy < 0 || sx >= plan.Cols || sy >= plan.Rows
                    ? (byte)11
                    : BlockPlan.NlcdCode(plan[(int)sy, (int)sx], sx - Math.Floor(sx));
            }
        });
    }
}
