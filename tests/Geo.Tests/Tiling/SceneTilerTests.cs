using LandUse.Geo.Tests.Support;
using LandUse.Geo.Tiling;

namespace LandUse.Geo.Tests.Tiling;

/// <summary>
/// Scenes of 32-pixel blocks at 7 m a pixel: every tile is a 224 m block of the plan, as a 224-pixel NAIP tile at 1 m is.
/// </summary>
public sealed class SceneTilerTests : IDisposable
{
    private const int Block = 32;
    private const double Pixel = 7;
    private static readonly TileOptions Options = new() { Size = Block, Stride = Block };
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(26918)]
    [InlineData(32618)]
    public void Tiles_csv_has_the_contract_columns_and_centres_within_a_metre_of_the_textbook_values(int epsg)
    {
        var plan = BlockPlan.Parse("FDCH", "BSWF", "DDCC");
        var scene = _temp.Combine("scene.tif");
        SyntheticScenes.WriteScene(scene, plan, Block, Pixel, epsg);
        var output = _temp.Combine("tiles");

        var report = Tile([scene], output, Options);

        Assert.Equal((12, 0, 3, 4, epsg), (report.Written, report.SkippedNoData, report.Rows, report.Cols, report.Epsg));
        Assert.Equal("id,row,col,lat,lon,x,y,epsg,scene", File.ReadLines(Path.Combine(output, "tiles.csv")).First());
        var records = Read(output);
        Assert.Equal(12, records.Count);
        foreach (var r in records)
        {
            var x = SyntheticScenes.OriginX + ((r.Col + 0.5) * Block * Pixel);
            var y = SyntheticScenes.OriginY - ((r.Row + 0.5) * Block * Pixel);
            var (lat, lon) = Projections.UtmInverse(x, y, 18, SyntheticScenes.InverseFlattening(epsg));
            Assert.Equal(TileId.Of(r.Row, r.Col), r.Id);
            Assert.Equal(x, r.X, 1e-3);
            Assert.Equal(y, r.Y, 1e-3);
            Assert.True(Projections.Metres(lat, lon, r.Lat, r.Lon) < 1, $"{r.Id}: {r.Lat},{r.Lon} vs {lat},{lon}");
            Assert.Equal((epsg, "scene.tif"), (r.Epsg, r.Scene));
            Assert.True(File.Exists(Path.Combine(output, r.Id + ".png")));
        }

        Assert.Equal(records.Select(r => r.Id + ".png").Append("grid.json").Append("tiles.csv").Order(StringComparer.Ordinal),
            Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_CONUS_Albers_scene_has_centres_from_the_textbook_Albers_inverse()
    {
        var scene = _temp.Combine("albers.tif");
        SyntheticScenes.WriteScene(scene, BlockPlan.Parse("FD", "CH"), Block, Pixel, 5070, originX: 1_597_000, originY: 2_047_000);

        Tile([scene], _temp.Combine("t"), Options);

        foreach (var r in Read(_temp.Combine("t")))
        {
            var (lat, lon) = Projections.AlbersInverse(1_597_000 + ((r.Col + 0.5) * Block * Pixel), 2_047_000 - ((r.Row + 0.5) * Block * Pixel));
            Assert.True(Projections.Metres(lat, lon, r.Lat, r.Lon) < 1, $"{r.Id}: {r.Lat},{r.Lon} vs {lat},{lon}");
            Assert.Equal(5070, r.Epsg);
        }
    }

    [Fact]
    public void A_WGS84_geographic_scene_has_its_centres_as_latitude_and_longitude()
    {
        var scene = _temp.Combine("geo.tif");
        SyntheticScenes.WriteScene(scene, BlockPlan.Parse("FD", "CH"), Block, 0.00001, 4326, originX: -77.5, originY: 40.7);

        Tile([scene], _temp.Combine("t"), Options);

        var r = Read(_temp.Combine("t")).Single(t => t.Id == "r0001_c0001");
        Assert.Equal((40.7 - (1.5 * Block * 0.00001), -77.5 + (1.5 * Block * 0.00001)), (r.Lat, r.Lon));
        Assert.Equal((r.Lon, r.Lat), (r.X, r.Y));
    }

    [Fact]
    public void A_tile_is_the_scene_s_pixels_of_the_chosen_bands()
    {
        var plan = BlockPlan.Parse("FD", "CH");
        var scene = _temp.Combine("scene.tif");
        SyntheticScenes.WriteScene(scene, plan, Block, Pixel);
        var output = _temp.Combine("tiles");

        Tile([scene], output, Options with { Bands = [4, 1, 2] });

        using var png = Png.Read(Path.Combine(output, "r0001_c0000.png"));
        Assert.Equal((Block, Block), (png.Width, png.Height));
        for (var y = 0; y < Block; y += 5)
        {
            for (var x = 0; x < Block; x += 3)
            {
                var (r, g, _, nir) = BlockPlan.Colour(Support.Block.Cultivated, x, y + Block, (x + 0.5) / Block);
                Assert.Equal((nir, r, g), Png.Pixel(png, x, y));
            }
        }
    }

    [Fact]
    public void Mostly_empty_tiles_are_skipped_by_the_no_data_share()
    {
        // Blocks of 16 px tiled at 32: each tile is 2 x 2 blocks, so '.' blocks make 25 %, 50 % or 75 % of a tile no-data.
        var plan = BlockPlan.Parse("FF.F..", "FFFFFF");
        var scene = _temp.Combine("scene.tif");
        SyntheticScenes.WriteScene(scene, plan, 16, Pixel);

        var byDefault = Tile([scene], _temp.Combine("half"), Options);
        var strict = Tile([scene], _temp.Combine("strict"), Options with { MaxNoData = 0.2 });
        var none = Tile([scene], _temp.Combine("none"), Options with { MaxNoData = 0 });

        Assert.Equal((3, 0), (byDefault.Written, byDefault.SkippedNoData)); // 0 %, 25 %, 50 % no-data: 50 % is not above 0.5
        Assert.Equal((1, 2), (strict.Written, strict.SkippedNoData));
        Assert.Equal((1, 2), (none.Written, none.SkippedNoData));
        Assert.Equal(["r0000_c0000"], Read(_temp.Combine("strict")).Select(r => r.Id));
    }

    [Fact]
    public void GDAL_NODATA_replaces_zero_as_the_no_data_value()
    {
        var plan = BlockPlan.Parse("F.");
        var scene = _temp.Combine("scene.tif");
        SyntheticScenes.WriteScene(scene, plan, Block, Pixel, adjust: s => s with { NoData = "255" });

        var report = Tile([scene], _temp.Combine("tiles"), Options);

        Assert.Equal((2, 0), (report.Written, report.SkippedNoData)); // zeros are data when the tag says 255
    }

    [Fact]
    public void Partial_tiles_at_the_edge_are_padded_with_no_data_and_kept_or_skipped_by_their_share()
    {
        var plan = BlockPlan.Parse("FD");
        var scene = _temp.Combine("scene.tif");
        SyntheticScenes.WriteScene(scene, plan, Block, Pixel, adjust: s => s with { Width = 40, Height = 24 }); // 1.25 x 0.75 tiles

        var skipped = Tile([scene], _temp.Combine("a"), Options);
        var kept = Tile([scene], _temp.Combine("b"), Options with { MaxNoData = 0.9 });

        Assert.Equal((1, 2, 1, 1), (skipped.Rows, skipped.Cols, skipped.Written, skipped.SkippedNoData)); // 25 % and 81 % no-data
        Assert.Equal(2, kept.Written);
        using var edge = Png.Read(_temp.Combine("b", "r0000_c0001.png"));
        Assert.Equal((Block, Block), (edge.Width, edge.Height));
        Assert.Equal(((byte)0, (byte)0, (byte)0), Png.Pixel(edge, 20, 5));
        Assert.Equal(((byte)0, (byte)0, (byte)0), Png.Pixel(edge, 3, 28));
        Assert.NotEqual(((byte)0, (byte)0, (byte)0), Png.Pixel(edge, 3, 5));
    }

    [Fact]
    public void Two_adjacent_scenes_make_one_grid_identical_to_the_whole_scene()
    {
        var plan = BlockPlan.Parse("FDCHB", "SWFDC", "HHDDF");
        var whole = _temp.Combine("whole.tif");
        SyntheticScenes.WriteScene(whole, plan, Block, Pixel);

        // Split at 2.5 tiles, the right scene overlapping the left by 8 pixels, given right scene first.
        var left = _temp.Combine("left.tif");
        var right = _temp.Combine("right.tif");
        var split = (2 * Block) + (Block / 2);
        SceneCrop(whole, left, 0, split);
        SceneCrop(whole, right, split - 8, (5 * Block) - (split - 8));

        Tile([whole], _temp.Combine("one"), Options);
        var report = Tile([right, left], _temp.Combine("two"), Options);

        var one = Read(_temp.Combine("one"));
        var two = Read(_temp.Combine("two"));
        Assert.Equal((3, 5, 15), (report.Rows, report.Cols, report.Written));
        Assert.Equal(one.Select(r => (r.Id, r.X, r.Y, r.Lat, r.Lon)), two.Select(r => (r.Id, r.X, r.Y, r.Lat, r.Lon)));
        Assert.Equal(["left.tif", "left.tif", "right.tif", "right.tif", "right.tif"], two.Where(r => r.Row == 0).Select(r => r.Scene));
        foreach (var r in one)
        {
            Assert.Equal(File.ReadAllBytes(_temp.Combine("one", r.Id + ".png")), File.ReadAllBytes(_temp.Combine("two", r.Id + ".png")));
        }
    }

    [Fact]
    public void Scenes_in_different_CRSs_are_refused_naming_both()
    {
        var plan = BlockPlan.Parse("F");
        var a = _temp.Combine("a.tif");
        var b = _temp.Combine("b.tif");
        SyntheticScenes.WriteScene(a, plan, Block, Pixel, 26918);
        SyntheticScenes.WriteScene(b, plan, Block, Pixel, 26917);

        var ex = Assert.Throws<GeoDataException>(() => Tile([a, b], _temp.Combine("t"), Options));

        Assert.Equal($"{b}: its CRS is EPSG:26917 but {a} is EPSG:26918; the scenes of one call must share a CRS (tile each zone separately).", ex.Message);
        Assert.False(Directory.Exists(_temp.Combine("t")));
    }

    [Fact]
    public void Scenes_with_different_pixel_sizes_are_refused()
    {
        var plan = BlockPlan.Parse("F");
        var a = _temp.Combine("a.tif");
        var b = _temp.Combine("b.tif");
        SyntheticScenes.WriteScene(a, plan, Block, 1);
        SyntheticScenes.WriteScene(b, plan, Block, 0.6);

        var ex = Assert.Throws<GeoDataException>(() => Tile([a, b], _temp.Combine("t"), Options));

        Assert.Contains("must share a pixel size", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_band_a_scene_lacks_names_the_scene()
    {
        var plan = BlockPlan.Parse("F");
        var a = _temp.Combine("rgb.tif");
        SyntheticScenes.WriteScene(a, plan, Block, Pixel, adjust: s => s with { Bands = 3 });

        var ex = Assert.Throws<GeoDataException>(() => Tile([a], _temp.Combine("t"), Options with { Bands = [4, 1, 2] }));

        Assert.Equal($"{a}: it has 3 band(s) but --bands asks for 4,1,2.", ex.Message);
    }

    [Fact]
    public void A_truncated_scene_leaves_nothing_behind()
    {
        var plan = BlockPlan.Parse("FDCH", "BSWF", "DDCC");
        var good = _temp.Combine("good.tif");
        var cut = _temp.Combine("cut.tif");
        SyntheticScenes.WriteScene(good, plan, Block, Pixel);
        SyntheticScenes.WriteScene(cut, plan, Block, Pixel, originY: SyntheticScenes.OriginY - (3 * Block * Pixel));
        TiffSurgery.TruncateLastStrip(cut);
        var output = _temp.Combine("tiles");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        var ex = Assert.Throws<GeoDataException>(() => Tile([good, cut], output, Options));

        Assert.StartsWith($"{cut}: strip", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_that_already_has_tiles_csv_is_not_overwritten()
    {
        var plan = BlockPlan.Parse("F");
        var scene = _temp.Combine("a.tif");
        SyntheticScenes.WriteScene(scene, plan, Block, Pixel);
        var output = _temp.Combine("tiles");
        Tile([scene], output, Options);
        var before = File.ReadAllText(Path.Combine(output, "tiles.csv"));

        var ex = Assert.Throws<GeoDataException>(() => Tile([scene], output, Options));

        Assert.Contains("already holds a tiles.csv", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(output, "tiles.csv")));
    }

    [Theory]
    [InlineData(0, 224, "1,2,3", 0.5, "--size must be between 1 and 4096 pixels, got 0.")]
    [InlineData(224, 0, "1,2,3", 0.5, "--stride must be at least 1 pixel, got 0.")]
    [InlineData(224, 224, "1,2", 0.5, "--bands must name three 1-based bands for red, green and blue (e.g. 1,2,3), got 1,2.")]
    [InlineData(224, 224, "0,1,2", 0.5, "--bands must name three 1-based bands for red, green and blue (e.g. 1,2,3), got 0,1,2.")]
    [InlineData(224, 224, "1,2,3", 1.5, "--max-nodata must be a fraction between 0 and 1, got 1.5.")]
    public void Bad_options_are_named(int size, int stride, string bands, double maxNoData, string expected)
    {
        var options = new TileOptions { Size = size, Stride = stride, Bands = bands.Split(',').Select(int.Parse).ToArray(), MaxNoData = maxNoData };

        Assert.Equal(expected, Assert.Throws<GeoDataException>(options.Validate).Message);
    }

    [Fact]
    public void A_stride_below_the_size_overlaps_tiles_on_the_same_grid()
    {
        var plan = BlockPlan.Parse("FDC");
        var scene = _temp.Combine("a.tif");
        SyntheticScenes.WriteScene(scene, plan, Block, Pixel);

        var report = Tile([scene], _temp.Combine("t"), Options with { Stride = Block / 2 });

        Assert.Equal((1, 5, 5), (report.Rows, report.Cols, report.Written));
        var second = Read(_temp.Combine("t")).Single(r => r.Col == 1);
        Assert.Equal(SyntheticScenes.OriginX + (Block * Pixel), second.X, 1e-6);
    }

    private static TileReport Tile(IReadOnlyList<string> scenes, string output, TileOptions options) =>
        SceneTiler.Run(scenes, output, options, null, TestContext.Current.CancellationToken);

    private static List<TileRecord> Read(string folder)
    {
        var path = Path.Combine(folder, "tiles.csv");
        return [.. TileIndexCsv.Records(path, TileIndexCsv.ReadTable(path))];
    }

    /// <summary>Writes columns [left, left + width) of a test scene as a scene of its own, georeferenced where they lie.</summary>
    private static void SceneCrop(string source, string target, int left, int width)
    {
        using var raster = LandUse.Geo.Rasters.GeoTiffRaster.Open(source);
        var reader = new LandUse.Geo.Rasters.RowWindowReader(raster, [0, 1, 2, 3]);
        var row = new byte[raster.Width * 4];
        var spec = new GeoTiffSpec
        {
            Width = width,
            Height = raster.Height,
            OriginX = raster.Transform.OriginX + (left * raster.Transform.PixelWidth),
            OriginY = raster.Transform.OriginY,
            PixelSize = raster.Transform.PixelWidth,
            Epsg = raster.Crs.Epsg,
        };
        GeoTiffWriter.Write(target, spec, (y, output) =>
        {
            reader.Read(y, y + 1, row);
            row.AsSpan(left * 4, width * 4).CopyTo(output);
        });
    }
}
