using LandUse.Geo.Crs;
using LandUse.Geo.Tests.Support;

namespace LandUse.Geo.Tests.Crs;

/// <summary>The ProjNET-built systems against the textbook formulas of <see cref="Projections"/>.</summary>
public sealed class CrsTransformTests
{
    [Theory]
    [InlineData(26918, 300_000.0, 4_500_000.0)]
    [InlineData(32618, 300_000.0, 4_500_000.0)]
    [InlineData(26901, 650_000.0, 6_100_000.0)]
    [InlineData(26910, 550_000.0, 5_270_000.0)]
    [InlineData(26923, 420_000.0, 5_000_000.0)]
    [InlineData(32660, 500_000.0, 7_000_000.0)]
    [InlineData(32614, 612_345.6, 3_456_789.0)]
    public void UTM_to_WGS84_matches_the_textbook_inverse_within_a_centimetre(int epsg, double easting, double northing)
    {
        var (lon, lat) = CrsTransform.ToWgs84(SupportedCrs.Find(epsg)!).Apply(easting, northing);
        var expected = Projections.UtmInverse(easting, northing, epsg % 100, SyntheticScenes.InverseFlattening(epsg));

        Assert.True(Projections.Metres(expected.Lat, expected.Lon, lat, lon) < 0.01, $"{lat},{lon} vs {expected}");
    }

    [Theory]
    [InlineData(40.6, -77.4)]
    [InlineData(25.5, -80.3)]
    [InlineData(48.9, -122.5)]
    [InlineData(44.0, -69.0)]
    public void CONUS_Albers_matches_the_textbook_forward_and_inverse(double lat, double lon)
    {
        var albers = SupportedCrs.Find(5070)!;
        var wgs84 = SupportedCrs.Find(4326)!;
        var (x, y) = CrsTransform.Between(wgs84, albers).Apply(lon, lat);
        var expected = Projections.AlbersForward(lat, lon);
        var (backLon, backLat) = CrsTransform.Between(albers, wgs84).Apply(x, y);
        var (inverseLat, inverseLon) = Projections.AlbersInverse(expected.X, expected.Y);

        Assert.InRange(Math.Abs(x - expected.X), 0, 0.01);
        Assert.InRange(Math.Abs(y - expected.Y), 0, 0.01);
        Assert.True(Projections.Metres(lat, lon, backLat, backLon) < 0.01);
        Assert.True(Projections.Metres(lat, lon, inverseLat, inverseLon) < 0.01);
    }

    [Fact]
    public void UTM_to_Albers_goes_through_geographic_coordinates()
    {
        var utm = SupportedCrs.Find(26918)!;
        var (x, y) = CrsTransform.Between(utm, SupportedCrs.Find(5070)!).Apply(300_112, 4_499_888);
        var (lat, lon) = Projections.UtmInverse(300_112, 4_499_888, 18, Projections.Grs80InverseFlattening);
        var expected = Projections.AlbersForward(lat, lon);

        Assert.InRange(Math.Sqrt(Math.Pow(x - expected.X, 2) + Math.Pow(y - expected.Y, 2)), 0, 0.01);
    }

    [Theory]
    [InlineData(4326)]
    [InlineData(5070)]
    [InlineData(26901)]
    [InlineData(26923)]
    [InlineData(32601)]
    [InlineData(32660)]
    public void Supported_codes_are_found(int epsg) => Assert.Equal(epsg, SupportedCrs.Get(epsg, "x.tif").Epsg);

    [Theory]
    [InlineData(26900)]
    [InlineData(26924)]
    [InlineData(32600)]
    [InlineData(32661)]
    [InlineData(32718)]
    [InlineData(3857)]
    [InlineData(2249)]
    public void Other_codes_are_an_error_naming_the_code_and_the_file(int epsg)
    {
        var ex = Assert.Throws<GeoDataException>(() => SupportedCrs.Get(epsg, "scene.tif"));

        Assert.StartsWith($"scene.tif: EPSG:{epsg} is not a supported coordinate system; supported: UTM on NAD83", ex.Message, StringComparison.Ordinal);
    }
}
