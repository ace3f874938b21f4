using LandUse.Geo.Footprints;
using LandUse.Geo.Tests.Support;
using LandUse.Geo.Tiling;

namespace LandUse.Geo.Tests.Footprints;

/// <summary>Tile footprints from grid.json against corners computed with the textbook projections, and the centre-square fallback.</summary>
public sealed class FootprintTests
{
    private const double OriginX = SyntheticScenes.OriginX;
    private const double OriginY = SyntheticScenes.OriginY;

    [Theory]
    [InlineData(26918, 0, 0)]
    [InlineData(26918, 2, 5)]
    [InlineData(32618, 7, 3)]
    public void A_UTM_grid_tile_has_its_four_corners_reprojected_within_a_centimetre_of_the_textbook_values(int epsg, int row, int col)
    {
        var footprints = new GridFootprints(Grid(epsg, OriginX, OriginY, 1, 224, 224), "grid.json");

        var footprint = footprints.For(row, col);

        var (left, top) = (OriginX + (col * 224.0), OriginY - (row * 224.0));
        (double X, double Y)[] expected = [(left, top), (left, top - 224), (left + 224, top - 224), (left + 224, top)];
        Assert.Equal(FootprintMethod.Grid, footprint.Method);
        Assert.Equal(4, footprint.Corners.Count);
        for (var i = 0; i < 4; i++)
        {
            var (lat, lon) = Projections.UtmInverse(expected[i].X, expected[i].Y, 18, SyntheticScenes.InverseFlattening(epsg));
            var (e, n) = Projections.UtmForward(footprint.Corners[i].Lat, footprint.Corners[i].Lon, 18, SyntheticScenes.InverseFlattening(epsg));
            Assert.True(Projections.Metres(lat, lon, footprint.Corners[i].Lat, footprint.Corners[i].Lon) < 0.01, $"corner {i}: {footprint.Corners[i]} vs {lat},{lon}");
            Assert.InRange(Math.Abs(e - expected[i].X), 0, 0.01);
            Assert.InRange(Math.Abs(n - expected[i].Y), 0, 0.01);
        }

        Assert.True(footprint.SignedArea2() > 0, "the exterior ring must run counter-clockwise (RFC 7946)");
    }

    [Fact]
    public void Stride_places_overlapping_tiles_and_a_half_metre_pixel_halves_the_extent()
    {
        var footprints = new GridFootprints(Grid(26918, OriginX, OriginY, 0.5, 224, 112), "grid.json");

        var corners = footprints.CornersInCrs(1, 3);

        Assert.Equal((OriginX + (3 * 112 * 0.5), OriginY - (1 * 112 * 0.5)), corners[0]);
        Assert.Equal((OriginX + (3 * 112 * 0.5) + 112, OriginY - (1 * 112 * 0.5) - 112), corners[2]);
    }

    [Fact]
    public void The_footprint_centre_is_the_tile_centre_tiles_csv_gives()
    {
        using var temp = new TempFolder();
        var scene = temp.Combine("scene.tif");
        SyntheticScenes.WriteScene(scene, BlockPlan.Parse("FDC", "DCF"), 32);
        var tiles = temp.Combine("tiles");
        SceneTiler.Run([scene], tiles, new TileOptions { Size = 32, Stride = 32, MaxNoData = 1 }, null, TestContext.Current.CancellationToken);
        var footprints = new TileFootprints(GridInfo.Read(tiles));

        foreach (var r in TileIndexCsv.Records(temp.Combine("tiles", "tiles.csv"), TileIndexCsv.ReadTable(temp.Combine("tiles", "tiles.csv"))))
        {
            var centre = footprints.For(r.Row, r.Col, r.Lat, r.Lon)!.Centre;
            Assert.True(Projections.Metres(r.Lat, r.Lon, centre.Lat, centre.Lon) < 0.01, $"{r.Id}: {centre} vs {r.Lat},{r.Lon}");
        }
    }

    [Fact]
    public void Albers_and_geographic_grids_give_their_corners_too()
    {
        var albers = new GridFootprints(Grid(5070, 1_597_000, 2_047_000, 1, 224, 224), "grid.json").For(0, 1);
        var geographic = new GridFootprints(Grid(4326, -77.5, 40.7, 0.00001, 224, 224), "grid.json").For(1, 0);

        var (lat, lon) = Projections.AlbersInverse(1_597_000 + 224, 2_047_000);
        Assert.True(Projections.Metres(lat, lon, albers.Corners[0].Lat, albers.Corners[0].Lon) < 0.01);
        Assert.True(albers.SignedArea2() > 0);
        Assert.Equal(-77.5, geographic.Corners[0].Lon, 1e-12);
        Assert.Equal(40.7 - 0.00224, geographic.Corners[0].Lat, 1e-12);
        Assert.Equal(40.7 - 0.00448, geographic.Corners[1].Lat, 1e-12);
        Assert.True(geographic.SignedArea2() > 0);
    }

    [Fact]
    public void A_grid_in_an_unsupported_CRS_is_an_error_naming_the_file_and_code()
    {
        var ex = Assert.Throws<GeoDataException>(() => new GridFootprints(Grid(3857, 0, 0, 1, 224, 224), "tiles/grid.json"));

        Assert.StartsWith("tiles/grid.json: EPSG:3857 is not a supported coordinate system", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40.6, -77.4)]
    [InlineData(25.5, -80.3)]
    [InlineData(48.9, -122.5)]
    public void The_centre_square_is_224_metres_a_side_around_the_centre_and_north_up(double lat, double lon)
    {
        var square = CentreFootprints.Square(lat, lon);

        // Side lengths measured in the UTM zone of the point (scale factor within 0.04 %: 0.1 m on 224 m).
        var zone = (int)Math.Floor((lon + 180) / 6) + 1;
        var c = square.Corners.Select(p => Projections.UtmForward(p.Lat, p.Lon, zone, Projections.Wgs84InverseFlattening)).ToArray();
        double Side(int i, int j) => Math.Sqrt(Math.Pow(c[i].Easting - c[j].Easting, 2) + Math.Pow(c[i].Northing - c[j].Northing, 2));
        Assert.Equal(FootprintMethod.Centre, square.Method);
        Assert.InRange(Side(0, 1), 223.8, 224.2);
        Assert.InRange(Side(1, 2), 223.8, 224.2);
        Assert.InRange(Side(2, 3), 223.8, 224.2);
        Assert.InRange(Side(3, 0), 223.8, 224.2);
        Assert.Equal(lat, square.Centre.Lat, 1e-9);
        Assert.Equal(lon, square.Centre.Lon, 1e-9);
        Assert.Equal(square.Corners[0].Lon, square.Corners[1].Lon);
        Assert.True(square.SignedArea2() > 0);
    }

    [Fact]
    public void Without_a_grid_the_centre_square_is_used_and_without_coordinates_there_is_none()
    {
        var withGrid = new TileFootprints(Grid(26918, OriginX, OriginY, 1, 224, 224));

        Assert.Equal(FootprintMethod.Grid, withGrid.For(0, 0, 40.6, -77.4)!.Method);
        Assert.Equal(FootprintMethod.Centre, withGrid.For(null, 0, 40.6, -77.4)!.Method);
        Assert.Equal(FootprintMethod.Centre, TileFootprints.CentresOnly.For(3, 4, 40.6, -77.4)!.Method);
        Assert.Null(TileFootprints.CentresOnly.For(3, 4, null, null));
        Assert.Null(TileFootprints.CentresOnly.For(3, 4, 91, 0));
    }

    [Fact]
    public void A_grid_json_with_a_zero_tile_size_is_refused_naming_it()
    {
        var json = Grid(26918, OriginX, OriginY, 1, 0, 224).ToJson();

        var ex = Assert.Throws<GeoDataException>(() => GridInfo.Parse(json, "2016/grid.json"));

        Assert.StartsWith("2016/grid.json: ", ex.Message, StringComparison.Ordinal);
    }

    private static GridInfo Grid(int epsg, double x, double y, double pixel, int size, int stride) => new()
    {
        Epsg = epsg,
        OriginX = x,
        OriginY = y,
        PixelWidth = pixel,
        PixelHeight = pixel,
        Size = size,
        Stride = stride,
        Rows = 10,
        Cols = 10,
        Bands = [1, 2, 3],
        Scenes = ["scene.tif"],
    };
}
