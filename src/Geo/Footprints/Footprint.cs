namespace LandUse.Geo.Footprints;

/// <summary>How a footprint was found: the tile's own corners on its grid, or a square around its centre (no grid.json).</summary>
public enum FootprintMethod
{
    /// <summary>The tile's four corners in its scene CRS (from grid.json), reprojected to WGS 84.</summary>
    Grid,

    /// <summary>A north-up square of the nominal tile size around the tile's centre latitude/longitude.</summary>
    Centre,
}

/// <summary>
/// A tile's footprint on the ground as GIS tools want it: four WGS 84 corners (longitude, latitude in degrees), counter-clockwise
/// as RFC 7946 asks of an exterior ring, starting at the tile's top-left corner; the ring is closed when written.
/// </summary>
public sealed record Footprint(IReadOnlyList<(double Lon, double Lat)> Corners, FootprintMethod Method)
{
    /// <summary>The mean of the corners: the tile's centre to within millimetres at tile scale.</summary>
    public (double Lon, double Lat) Centre => (Corners.Average(c => c.Lon), Corners.Average(c => c.Lat));

    /// <summary>Twice the signed area in degrees² (shoelace); positive for a counter-clockwise ring.</summary>
    public double SignedArea2()
    {
        var sum = 0.0;
        for (var i = 0; i < Corners.Count; i++)
        {
            var (a, b) = (Corners[i], Corners[(i + 1) % Corners.Count]);
            sum += (a.Lon * b.Lat) - (b.Lon * a.Lat);
        }

        return sum;
    }

    /// <summary>Lower-case name written as the <c>footprint</c> property: <c>grid</c> or <c>centre</c>.</summary>
    public string MethodName => Method == FootprintMethod.Grid ? "grid" : "centre";
}
