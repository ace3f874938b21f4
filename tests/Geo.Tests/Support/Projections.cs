namespace LandUse.Geo.Tests.Support;

/// <summary>
/// Textbook projection formulas (Snyder, "Map Projections: A Working Manual", USGS PP 1395, sections 8 and 14),
/// written here independently of ProjNET so tests can check the production transforms against them.
/// </summary>
public static class Projections
{
    public const double A = 6378137.0;
    public const double Grs80InverseFlattening = 298.257222101;
    public const double Wgs84InverseFlattening = 298.257223563;
    private const double K0 = 0.9996;
    private const double FalseEasting = 500000;

    private static double Rad(double degrees) => degrees * Math.PI / 180;

    private static double Deg(double radians) => radians * 180 / Math.PI;

    private static double E2(double inverseFlattening)
    {
        var f = 1 / inverseFlattening;
        return (2 * f) - (f * f);
    }

    private static double CentralMeridian(int zone) => (zone * 6) - 183;

    /// <summary>Meridian distance M (Snyder 3-21).</summary>
    private static double Meridian(double phi, double e2)
    {
        var (e4, e6) = (e2 * e2, e2 * e2 * e2);
        return A * (((1 - (e2 / 4) - (3 * e4 / 64) - (5 * e6 / 256)) * phi)
            - (((3 * e2 / 8) + (3 * e4 / 32) + (45 * e6 / 1024)) * Math.Sin(2 * phi))
            + (((15 * e4 / 256) + (45 * e6 / 1024)) * Math.Sin(4 * phi))
            - (35 * e6 / 3072 * Math.Sin(6 * phi)));
    }

    /// <summary>UTM (northern hemisphere) easting/northing to latitude/longitude in degrees (Snyder 8-18 .. 8-25).</summary>
    public static (double Lat, double Lon) UtmInverse(double easting, double northing, int zone, double inverseFlattening)
    {
        var e2 = E2(inverseFlattening);
        var ep2 = e2 / (1 - e2);
        var m = northing / K0;
        var mu = m / (A * (1 - (e2 / 4) - (3 * e2 * e2 / 64) - (5 * e2 * e2 * e2 / 256)));
        var e1 = (1 - Math.Sqrt(1 - e2)) / (1 + Math.Sqrt(1 - e2));
        var phi1 = mu + (((3 * e1 / 2) - (27 * Math.Pow(e1, 3) / 32)) * Math.Sin(2 * mu))
            + (((21 * e1 * e1 / 16) - (55 * Math.Pow(e1, 4) / 32)) * Math.Sin(4 * mu))
            + (151 * Math.Pow(e1, 3) / 96 * Math.Sin(6 * mu))
            + (1097 * Math.Pow(e1, 4) / 512 * Math.Sin(8 * mu));
        var (sin, cos, tan) = (Math.Sin(phi1), Math.Cos(phi1), Math.Tan(phi1));
        var c1 = ep2 * cos * cos;
        var t1 = tan * tan;
        var n1 = A / Math.Sqrt(1 - (e2 * sin * sin));
        var r1 = A * (1 - e2) / Math.Pow(1 - (e2 * sin * sin), 1.5);
        var d = (easting - FalseEasting) / (n1 * K0);
        var phi = phi1 - (n1 * tan / r1 * ((d * d / 2)
            - ((5 + (3 * t1) + (10 * c1) - (4 * c1 * c1) - (9 * ep2)) * Math.Pow(d, 4) / 24)
            + ((61 + (90 * t1) + (298 * c1) + (45 * t1 * t1) - (252 * ep2) - (3 * c1 * c1)) * Math.Pow(d, 6) / 720)));
        var lambda = (d - ((1 + (2 * t1) + c1) * Math.Pow(d, 3) / 6)
            + ((5 - (2 * c1) + (28 * t1) - (3 * c1 * c1) + (8 * ep2) + (24 * t1 * t1)) * Math.Pow(d, 5) / 120)) / cos;
        return (Deg(phi), CentralMeridian(zone) + Deg(lambda));
    }

    /// <summary>Latitude/longitude in degrees to UTM easting/northing (Snyder 8-9 .. 8-15).</summary>
    public static (double Easting, double Northing) UtmForward(double lat, double lon, int zone, double inverseFlattening)
    {
        var e2 = E2(inverseFlattening);
        var ep2 = e2 / (1 - e2);
        var phi = Rad(lat);
        var (sin, cos, tan) = (Math.Sin(phi), Math.Cos(phi), Math.Tan(phi));
        var n = A / Math.Sqrt(1 - (e2 * sin * sin));
        var t = tan * tan;
        var c = ep2 * cos * cos;
        var a = Rad(lon - CentralMeridian(zone)) * cos;
        var m = Meridian(phi, e2);
        var x = K0 * n * (a + ((1 - t + c) * Math.Pow(a, 3) / 6) + ((5 - (18 * t) + (t * t) + (72 * c) - (58 * ep2)) * Math.Pow(a, 5) / 120));
        var y = K0 * (m + (n * tan * ((a * a / 2) + ((5 - t + (9 * c) + (4 * c * c)) * Math.Pow(a, 4) / 24)
            + ((61 - (58 * t) + (t * t) + (600 * c) - (330 * ep2)) * Math.Pow(a, 6) / 720))));
        return (FalseEasting + x, y);
    }

    private static (double N, double C, double Rho0, double E) Albers(double e2)
    {
        var e = Math.Sqrt(e2);
        double M(double phi) => Math.Cos(phi) / Math.Sqrt(1 - (e2 * Math.Sin(phi) * Math.Sin(phi)));
        var (m1, m2) = (M(Rad(29.5)), M(Rad(45.5)));
        var (q0, q1, q2) = (Q(Rad(23), e, e2), Q(Rad(29.5), e, e2), Q(Rad(45.5), e, e2));
        var n = ((m1 * m1) - (m2 * m2)) / (q2 - q1);
        var c = (m1 * m1) + (n * q1);
        return (n, c, A * Math.Sqrt(c - (n * q0)) / n, e);
    }

    /// <summary>Snyder 3-12.</summary>
    private static double Q(double phi, double e, double e2)
    {
        var s = Math.Sin(phi);
        return (1 - e2) * ((s / (1 - (e2 * s * s))) - (1 / (2 * e) * Math.Log((1 - (e * s)) / (1 + (e * s)))));
    }

    /// <summary>CONUS Albers (EPSG:5070 parameters, GRS80) forward (Snyder 14-1 .. 14-4).</summary>
    public static (double X, double Y) AlbersForward(double lat, double lon)
    {
        var e2 = E2(Grs80InverseFlattening);
        var (n, c, rho0, e) = Albers(e2);
        var rho = A * Math.Sqrt(c - (n * Q(Rad(lat), e, e2))) / n;
        var theta = n * Rad(lon + 96);
        return (rho * Math.Sin(theta), rho0 - (rho * Math.Cos(theta)));
    }

    /// <summary>CONUS Albers inverse (Snyder 14-8 .. 14-10, latitude by the iteration 3-16).</summary>
    public static (double Lat, double Lon) AlbersInverse(double x, double y)
    {
        var e2 = E2(Grs80InverseFlattening);
        var (n, c, rho0, e) = Albers(e2);
        var rho = Math.Sqrt((x * x) + ((rho0 - y) * (rho0 - y)));
        var theta = Math.Atan2(x, rho0 - y);
        var q = (c - (rho * rho * n * n / (A * A))) / n;
        var phi = Math.Asin(q / 2);
        for (var i = 0; i < 20; i++)
        {
            var s = Math.Sin(phi);
            var step = Math.Pow(1 - (e2 * s * s), 2) / (2 * Math.Cos(phi))
                * ((q / (1 - e2)) - (s / (1 - (e2 * s * s))) + (1 / (2 * e) * Math.Log((1 - (e * s)) / (1 + (e * s)))));
            phi += step;
            if (Math.Abs(step) < 1e-13)
            {
                break;
            }
        }

        return (Deg(phi), -96 + Deg(theta / n));
    }

    /// <summary>Ground distance in metres between two nearby latitude/longitude points (local flat approximation).</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        var dy = (lat2 - lat1) * 111_320;
        var dx = (lon2 - lon1) * 111_320 * Math.Cos(Rad((lat1 + lat2) / 2));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
