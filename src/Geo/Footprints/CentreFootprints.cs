namespace LandUse.Geo.Footprints;

/// <summary>
/// The fallback footprint when a tile's grid is unknown (no grid.json beside its tiles.csv): a north-up square of
/// <see cref="TileMetres"/> (the study's 224 px at 1 m) around its centre latitude/longitude, sized with the WGS 84
/// ellipsoid's radii of curvature there. A UTM tile is turned against north by the meridian convergence (about 1.5° at the
/// edge of a zone), so its corners can lie a few metres from these.
/// </summary>
public static class CentreFootprints
{
    /// <summary>The nominal tile side on the ground, in metres (FACTS.md: 224 x 224 px at 1 m/px).</summary>
    public const double TileMetres = 224;

    private const double A = 6378137.0;
    private const double InverseFlattening = 298.257223563;

    public static Footprint Square(double lat, double lon, double sideMetres = TileMetres)
    {
        if (!double.IsFinite(lat) || !double.IsFinite(lon) || Math.Abs(lat) >= 90 || Math.Abs(lon) > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(lat), $"({lat}, {lon}) is not a latitude/longitude in degrees.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sideMetres);
        var f = 1 / InverseFlattening;
        var e2 = (2 * f) - (f * f);
        var phi = lat * Math.PI / 180;
        var w = 1 - (e2 * Math.Sin(phi) * Math.Sin(phi));
        var meridian = A * (1 - e2) / Math.Pow(w, 1.5);
        var normal = A / Math.Sqrt(w);
        var half = sideMetres / 2;
        var dLat = half / meridian * 180 / Math.PI;
        var dLon = half / (normal * Math.Cos(phi)) * 180 / Math.PI;
        return new Footprint(
            [(lon - dLon, lat + dLat), (lon - dLon, lat - dLat), (lon + dLon, lat - dLat), (lon + dLon, lat + dLat)],
            FootprintMethod.Centre);
    }
}
