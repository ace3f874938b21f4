using LandUse.Geo.Labeling;
using LandUse.Geo.Tests.Support;
using LandUse.Geo.Tiling;
using LandUse.Scoring.Labels;

namespace LandUse.Geo.Tests.Labeling;

/// <summary>UTM scenes labeled from an NLCD raster in CONUS Albers whose codes come from the same block plan.</summary>
public sealed class TileLabelerTests : IDisposable
{
    private const int Block = 32;
    private const double Pixel = 7;
    private static readonly BlockPlan Plan = BlockPlan.Parse("FDCW", "MHBL", "SDFC");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(26918)]
    [InlineData(32618)]
    public void All_points_agreeing_writes_the_training_layout_and_drops_water_wetland_and_mixed_tiles(int epsg)
    {
        var tiles = TileScene(epsg);

        var report = Label(tiles, new LabelOptions());

        var labeled = Path.Combine(tiles, "labeled");
        Assert.Equal(labeled, report.Output);
        Assert.Equal((12, 9, 3), (report.Tiles, report.Labeled, report.DroppedTotal));
        Assert.Equal(2, report.Dropped[DropReason.NotAClass]);
        Assert.Equal(1, report.Dropped[DropReason.Disagree]);
        Assert.Equal(5070, report.NlcdEpsg);
        foreach (var (row, col) in Cells())
        {
            var expected = BlockPlan.ClassOf(Plan[row, col]);
            var id = TileId.Of(row, col);
            foreach (var cover in LabelScheme.Classes)
            {
                Assert.Equal(expected == cover, File.Exists(Path.Combine(labeled, cover.ToString(), id + ".png")));
            }
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(tiles, "r0000_c0000.png")), File.ReadAllBytes(Path.Combine(labeled, "Forest", "r0000_c0000.png")));
        Assert.Equal(["Barren", "Cultivated", "Developed", "Forest", "Herbaceous", "Shrub"], Directory.EnumerateDirectories(labeled).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, report.PerClass[LandCover.Forest]);
    }

    [Fact]
    public void Plurality_adds_a_label_column_blank_where_no_class_wins()
    {
        var tiles = TileScene(32618);

        var report = Label(tiles, new LabelOptions { Agree = AgreeMode.Plurality });

        var index = Path.Combine(tiles, "tiles.csv");
        Assert.Equal("id,row,col,lat,lon,x,y,epsg,scene,label", File.ReadLines(index).First());
        var labels = TileIndexCsv.Records(index, TileIndexCsv.ReadTable(index)).ToDictionary(r => r.Id, r => r.Label);
        Assert.Equal("Developed", labels["r0001_c0000"]); // mixed: 3 Forest points, 6 Developed
        Assert.Equal("", labels["r0000_c0003"]); // water
        Assert.Equal("", labels["r0001_c0003"]); // wetland
        Assert.Equal("Forest", labels["r0000_c0000"]);
        Assert.Equal("Herbaceous", labels["r0001_c0001"]);
        Assert.Equal((10, 2), (report.Labeled, report.Dropped[DropReason.NotAClass]));
        Assert.False(Directory.Exists(Path.Combine(tiles, "labeled")));

        Label(tiles, new LabelOptions { Agree = AgreeMode.Plurality, Points = 1 });
        Assert.Equal("id,row,col,lat,lon,x,y,epsg,scene,label", File.ReadLines(index).First()); // replaced, not added twice
        Assert.Equal("Developed", TileIndexCsv.Records(index, TileIndexCsv.ReadTable(index)).Single(r => r.Id == "r0001_c0000").Label);
    }

    [Fact]
    public void One_point_a_tile_samples_the_centre_and_keeps_the_mixed_tile_as_its_centre_class()
    {
        var tiles = TileScene(26918);

        var report = Label(tiles, new LabelOptions { Points = 1, Output = _temp.Combine("one") });

        Assert.Equal(10, report.Labeled);
        Assert.True(File.Exists(_temp.Combine("one", "Developed", "r0001_c0000.png")));
    }

    [Fact]
    public void Four_points_a_tile_is_a_2_by_2_grid()
    {
        var grid = new GridInfo { Epsg = 26918, OriginX = 0, OriginY = 0, PixelWidth = 1, PixelHeight = 1, Size = 224, Stride = 224, Rows = 1, Cols = 1, Bands = [1, 2, 3], Scenes = ["a"] };

        var points = TileLabeler.PointOffsets(grid, 2);

        Assert.Equal([(-56.0, 56.0), (56.0, 56.0), (-56.0, -56.0), (56.0, -56.0)], points);
        Assert.Equal(9, TileLabeler.PointOffsets(grid, 3).Count);
        Assert.Contains((-224 / 3.0, 224 / 3.0), TileLabeler.PointOffsets(grid, 3));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(0)]
    [InlineData(401)]
    public void A_point_count_that_is_not_a_perfect_square_is_refused(int points)
    {
        var ex = Assert.Throws<GeoDataException>(() => new LabelOptions { Points = points }.Side());

        Assert.StartsWith("--points must be a perfect square", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_training_layout_is_not_overwritten()
    {
        var tiles = TileScene(26918);
        var labeled = Path.Combine(tiles, "labeled", "Forest");
        Directory.CreateDirectory(labeled);
        File.WriteAllText(Path.Combine(labeled, "keep.png"), "mine");

        var ex = Assert.Throws<GeoDataException>(() => Label(tiles, new LabelOptions()));

        Assert.Contains("already exists and is not empty", ex.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(labeled, "keep.png")));
    }

    [Fact]
    public void A_folder_without_grid_json_is_named()
    {
        var ex = Assert.Throws<GeoDataException>(() => Label(_temp.Path, new LabelOptions()));

        Assert.Equal($"{_temp.Combine("grid.json")}: missing; label works on a folder written by `landuse tile`, which writes tiles.csv and grid.json.", ex.Message);
    }

    [Fact]
    public void A_bad_NLCD_raster_is_named_and_nothing_is_written()
    {
        var tiles = TileScene(26918);
        var nlcd = _temp.Combine("nlcd-16.tif");
        SyntheticScenes.WriteScene(nlcd, BlockPlan.Parse("F"), 8, 30, 5070, adjust: s => s with { Bands = 1, BitsPerSample = 16 });

        var ex = Assert.Throws<GeoDataException>(() => TileLabeler.Run(tiles, nlcd, new LabelOptions(), TestContext.Current.CancellationToken));

        Assert.StartsWith(nlcd + ": its bands are 16-bit", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(tiles, "labeled")));
    }

    [Fact]
    public void Plurality_refuses_out_instead_of_ignoring_it()
    {
        var ex = Assert.Throws<GeoDataException>(() => Label(_temp.Path, new LabelOptions { Agree = AgreeMode.Plurality, Output = "x" }));

        Assert.StartsWith("--out applies to --agree all only", ex.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(int Row, int Col)> Cells() =>
        Enumerable.Range(0, Plan.Rows).SelectMany(r => Enumerable.Range(0, Plan.Cols).Select(c => (r, c)));

    private LabelReport Label(string tiles, LabelOptions options) =>
        TileLabeler.Run(tiles, _temp.Combine("nlcd.tif"), options, TestContext.Current.CancellationToken);

    private string TileScene(int epsg)
    {
        var scene = _temp.Combine("scene.tif");
        SyntheticScenes.WriteScene(scene, Plan, Block, Pixel, epsg);
        SyntheticScenes.WriteNlcd(_temp.Combine("nlcd.tif"), Plan, Block * Pixel, epsg);
        var tiles = _temp.Combine("tiles");
        SceneTiler.Run([scene], tiles, new TileOptions { Size = Block, Stride = Block }, null, TestContext.Current.CancellationToken);
        return tiles;
    }
}
