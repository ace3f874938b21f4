using System.Globalization;
using ProjNet.CoordinateSystems;

namespace LandUse.Geo.Crs;

/// <summary>
/// The coordinate systems LandUse reads, built with ProjNET from their defining parameters: UTM on NAD83 (EPSG
/// 26901-26923) and on WGS 84 (32601-32660), CONUS Albers on NAD83 (5070) and WGS 84 geographic (4326). NAD83 and
/// WGS 84 are treated as one datum: they differ by about a metre in CONUS, under the 30 m NLCD cell and 1 m NAIP pixel.
/// </summary>
public sealed class SupportedCrs
{
    /// <summary>What the error for any other code lists.</summary>
    public const string SupportedList = "UTM on NAD83 (EPSG:26901-26923), UTM on WGS 84 (EPSG:32601-32660), CONUS Albers (EPSG:5070), WGS 84 geographic (EPSG:4326)";

    private static readonly CoordinateSystemFactory Factory = new();
    private static readonly Lazy<GeographicCoordinateSystem> Nad83 = new(() => Factory.CreateGeographicCoordinateSystem(
        "NAD83", AngularUnit.Degrees, Factory.CreateHorizontalDatum("North American Datum 1983", DatumType.HD_Geocentric, Ellipsoid.GRS80, null),
        PrimeMeridian.Greenwich, new AxisInfo("Lon", AxisOrientationEnum.East), new AxisInfo("Lat", AxisOrientationEnum.North)));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, SupportedCrs> Cache = new();

    private SupportedCrs(int epsg, CoordinateSystem system)
    {
        Epsg = epsg;
        System = system;
    }

    public int Epsg { get; }

    /// <summary>The ProjNET system: a <see cref="ProjectedCoordinateSystem"/> or a <see cref="GeographicCoordinateSystem"/>.</summary>
    public CoordinateSystem System { get; }

    public bool IsGeographic => System is GeographicCoordinateSystem;

    public string Name => System.Name;

    /// <summary>The system for a supported code, else null.</summary>
    public static SupportedCrs? Find(int epsg)
    {
        if (Cache.TryGetValue(epsg, out var known))
        {
            return known;
        }

        var system = Build(epsg);
        return system is null ? null : Cache.GetOrAdd(epsg, new SupportedCrs(epsg, system));
    }

    /// <summary>The system for a supported code; any other code is an error naming it and <paramref name="file"/>.</summary>
    public static SupportedCrs Get(int epsg, string file) =>
        Find(epsg) ?? throw GeoDataException.For(file, string.Create(CultureInfo.InvariantCulture, $"EPSG:{epsg} is not a supported coordinate system; supported: {SupportedList}."));

    private static CoordinateSystem? Build(int epsg) => epsg switch
    {
        4326 => GeographicCoordinateSystem.WGS84,
        >= 26901 and <= 26923 => Utm(epsg, Nad83.Value, "NAD83", epsg - 26900),
        >= 32601 and <= 32660 => Utm(epsg, GeographicCoordinateSystem.WGS84, "WGS 84", epsg - 32600),
        5070 => ConusAlbers(),
        _ => null,
    };

    private static ProjectedCoordinateSystem Utm(int epsg, GeographicCoordinateSystem geographic, string datum, int zone)
    {
        var projection = Factory.CreateProjection($"UTM zone {zone}N", "Transverse_Mercator",
        [
            new ProjectionParameter("latitude_of_origin", 0),
            new ProjectionParameter("central_meridian", (zone * 6) - 183),
            new ProjectionParameter("scale_factor", 0.9996),
            new ProjectionParameter("false_easting", 500000),
            new ProjectionParameter("false_northing", 0),
        ]);
        return Projected(string.Create(CultureInfo.InvariantCulture, $"{datum} / UTM zone {zone}N (EPSG:{epsg})"), geographic, projection);
    }

    private static ProjectedCoordinateSystem ConusAlbers()
    {
        var projection = Factory.CreateProjection("CONUS Albers", "Albers_Conic_Equal_Area",
        [
            new ProjectionParameter("latitude_of_center", 23),
            new ProjectionParameter("longitude_of_center", -96),
            new ProjectionParameter("standard_parallel_1", 29.5),
            new ProjectionParameter("standard_parallel_2", 45.5),
            new ProjectionParameter("false_easting", 0),
            new ProjectionParameter("false_northing", 0),
        ]);
        return Projected("NAD83 / Conus Albers (EPSG:5070)", Nad83.Value, projection);
    }

    private static ProjectedCoordinateSystem Projected(string name, GeographicCoordinateSystem geographic, IProjection projection) =>
        Factory.CreateProjectedCoordinateSystem(name, geographic, projection, LinearUnit.Metre,
            new AxisInfo("Easting", AxisOrientationEnum.East), new AxisInfo("Northing", AxisOrientationEnum.North));
}
