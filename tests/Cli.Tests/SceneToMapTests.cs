using System.Globalization;
using System.Text.Json;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Geo.GeoJson;
using LandUse.Geo.Tests.Support;
using LandUse.Scoring.Output;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace LandUse.Cli.Tests;

/// <summary>
/// Issue 14's acceptance, end to end on generated GeoTIFFs: two years of one UTM scene where a known block of forest
/// becomes developed → `landuse tile` (each year) + `label --agree all` (year A, NLCD in Albers) + `train` + `run` (both
/// years) + `compare`, then the places the outputs put things: candidate footprints at the hand-computed corners,
/// coordinates in every CSV, a footprint per scored tile, and the review sheet's thumbnails.
/// </summary>
public sealed class SceneToMapTests : IDisposable
{
    private const int Block = 224;

    // Five tiles of each of three classes; in year B the forest tiles (0,3) and (1,4) are built on.
    private static readonly BlockPlan YearA = BlockPlan.Parse("FDCFD", "CFDCF", "DCFDC");
    private static readonly BlockPlan YearB = BlockPlan.Parse("FDCDD", "CFDCD", "DCFDC");
    private static readonly (int Row, int Col)[] Built = [(0, 3), (1, 4)];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "landuse-cli-scene-map", Guid.NewGuid().ToString("N"));

    public SceneToMapTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Tile_label_train_run_compare_puts_the_new_development_on_the_map_at_its_true_footprint()
    {
        var ct = TestContext.Current.CancellationToken;
        SyntheticScenes.WriteScene(At("m_2016.tif"), YearA, Block);
        SyntheticScenes.WriteScene(At("m_2020.tif"), YearB, Block);
        SyntheticScenes.WriteNlcd(At("nlcd.tif"), YearA, Block);

        foreach (var (args, what) in new (string[], string)[]
        {
            (["tile", At("m_2016.tif"), "--out", At("tiles2016")], "tile 2016"),
            (["tile", At("m_2020.tif"), "--out", At("tiles2020")], "tile 2020"),
            (["label", At("tiles2016"), "--nlcd", At("nlcd.tif"), "--agree", "all", "--out", At("train")], "label"),
            (["train", At("train"), "--out", At("bundle"), "--batch-size", "8"], "train"),
            (["run", At("tiles2016"), "--model", At("bundle"), "--run-id", "y2016", "--runs-dir", At("runs"), "--json"], "run 2016"),
            (["run", At("tiles2020"), "--model", At("bundle"), "--run-id", "y2020", "--runs-dir", At("runs"), "--json"], "run 2020"),
        })
        {
            var step = await AnalysisRunFolders.InvokeAsync(args);
            Assert.True(step.Exit == 0, $"{what}: {step.Error}");
        }

        var compare = await AnalysisRunFolders.InvokeAsync("compare", "y2016", "y2020", "--runs-dir", At("runs"));
        var capped = await AnalysisRunFolders.InvokeAsync("compare", "y2016", "y2020", "--runs-dir", At("runs"), "--review", "1", "--out", At("capped"));

        Assert.True(compare.Exit == 0, compare.Error);
        Assert.True(capped.Exit == 0, capped.Error);
        Assert.Contains("Candidates Undeveloped -> Developed: 2 of 15 tiles in both runs", compare.Output, StringComparison.Ordinal);
        var outDir = At("runs", "y2020", "compare-y2016");
        Assert.Contains($"GeoJSON: {Path.Combine(outDir, "candidates.geojson")}", compare.Output, StringComparison.Ordinal);
        var tiles = TilesCsv(At("tiles2020", "tiles.csv"));

        // candidates.geojson: the two built-on tiles, each the tile's true footprint (corners within a metre of the grid's).
        var candidates = ReadFeatures(Path.Combine(outDir, "candidates.geojson"));
        Assert.Equal(Built.Select(Id).Order(StringComparer.Ordinal), candidates.Select(f => (string)f.Attributes["id"]).Order(StringComparer.Ordinal));
        Assert.Equal([1, 2], candidates.Select(f => Int(f.Attributes["rank"])));
        foreach (var feature in candidates)
        {
            var (row, col) = (Int(feature.Attributes["row"]), Int(feature.Attributes["col"]));
            Assert.Equal(("Undeveloped -> Developed", "Forest", "Developed", "grid"),
                ((string)feature.Attributes["change"], (string)feature.Attributes["label_a"], (string)feature.Attributes["label_b"], (string)feature.Attributes["footprint"]));
            Assert.True(Double(feature.Attributes["confidence"]) is > 0 and <= 1);
            AssertFootprint(feature, row, col);
            Assert.Equal(tiles[Id((row, col))], (Double(feature.Attributes["lat"]), Double(feature.Attributes["lon"])));
        }

        // predictions.geojson of each run: one feature per scored tile with its prediction, at its footprint.
        foreach (var (run, plan) in new[] { ("y2016", YearA), ("y2020", YearB) })
        {
            var summary = RunSummary.FromJson(await File.ReadAllTextAsync(At("runs", run, "summary.json"), ct));
            var features = ReadFeatures(At("runs", run, "predictions.geojson"));
            Assert.Equal(summary.Counts.Scored, features.Count);
            Assert.Equal(15, features.Count);
            Assert.Null(summary.Notes);
            foreach (var feature in features)
            {
                var (row, col) = (Int(feature.Attributes["row"]), Int(feature.Attributes["col"]));
                Assert.Equal(BlockPlan.ClassOf(plan[row, col])!.Value.ToString(), feature.Attributes["label"]);
                Assert.Equal(1, new[] { "Barren", "Forest", "Shrub", "Cultivated", "Herbaceous", "Developed" }.Sum(c => Double(feature.Attributes["p_" + c])), 1e-4);
                Assert.Equal(("grid", $"{Id((row, col))}.png"), ((string)feature.Attributes["footprint"], (string)feature.Attributes["path"]));
                Assert.Null(feature.Attributes["error"]);
                AssertFootprint(feature, row, col);
            }

            // lat,lon in index.csv and after error in predictions.csv, the tile centres tiles.csv gave.
            var runTiles = TilesCsv(At(run == "y2016" ? "tiles2016" : "tiles2020", "tiles.csv"));
            Assert.All(IndexCsv.Read(At("runs", run, "index.csv")), e => Assert.Equal(runTiles[e.Id], (e.Lat!.Value, e.Lon!.Value)));
            Assert.Equal(PredictionCsv.HeaderLine + ",lat,lon", File.ReadLines(At("runs", run, "predictions.csv")).First());
            Assert.All(PredictionCsv.ReadFile(At("runs", run, "predictions.csv")), p => Assert.Equal(runTiles[p.Id], (p.Lat!.Value, p.Lon!.Value)));
        }

        // candidates.csv: most confident first, with the coordinates.
        var csv = File.ReadAllLines(Path.Combine(outDir, "candidates.csv")).Select(l => l.Split(',')).ToList();
        var header = csv[0].ToList();
        var rows = csv.Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["1", "2"], rows.Select(r => r[header.IndexOf("rank")]));
        Assert.True(Double(rows[0][header.IndexOf("confidence")]) >= Double(rows[1][header.IndexOf("confidence")]));
        Assert.Equal(candidates.Select(f => (string)f.Attributes["id"]), rows.Select(r => r[header.IndexOf("id")]));
        Assert.All(rows, r => Assert.Equal(tiles[r[header.IndexOf("id")]], (Double(r[header.IndexOf("lat")]), Double(r[header.IndexOf("lon")]))));

        // The review sheet: both candidates, most confident first, year A and B thumbnails that exist; capped with a note.
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "compare.html"), ct);
        var first = html.IndexOf($"#1 {rows[0][1]}", StringComparison.Ordinal);
        Assert.True(first > 0, "candidate #1 is on the review sheet");
        Assert.True(html.IndexOf($"#2 {rows[1][1]}", StringComparison.Ordinal) > first, "candidate #2 follows #1");
        Assert.DoesNotContain("more not shown", html, StringComparison.Ordinal);
        foreach (var image in new[] { "review/0001-a.jpg", "review/0001-b.jpg", "review/0002-a.jpg", "review/0002-b.jpg" })
        {
            Assert.Contains($"<img loading=\"lazy\" decoding=\"async\" width=\"240\" height=\"240\" src=\"{image}\"", html, StringComparison.Ordinal);
            using var thumbnail = SKBitmap.Decode(Path.Combine(outDir, image));
            Assert.Equal((240, 240), (thumbnail.Width, thumbnail.Height));
        }

        // The built-on tile is forest-green in A and developed-grey in B at the thumbnail's centre.
        using (var before = SKBitmap.Decode(Path.Combine(outDir, "review", "0001-a.jpg")))
        using (var after = SKBitmap.Decode(Path.Combine(outDir, "review", "0001-b.jpg")))
        {
            Assert.True(before.GetPixel(120, 120).Green > before.GetPixel(120, 120).Red + 20, $"year A centre {before.GetPixel(120, 120)} is not forest");
            Assert.True(Math.Abs(after.GetPixel(120, 120).Green - after.GetPixel(120, 120).Red) < 25, $"year B centre {after.GetPixel(120, 120)} is not developed");
        }

        var cappedHtml = await File.ReadAllTextAsync(At("capped", "compare.html"), ct);
        Assert.Contains($"#1 {rows[0][1]}", cappedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("#2 ", cappedHtml, StringComparison.Ordinal);
        Assert.Contains("1 more not shown; see candidates.csv.", cappedHtml, StringComparison.Ordinal);
        Assert.True(File.Exists(At("capped", "review", "0001-b.jpg")));
        Assert.False(File.Exists(At("capped", "review", "0002-a.jpg")));
    }

    /// <summary>The feature is a closed counter-clockwise ring whose corners, projected back to UTM, lie within a metre of the grid's.</summary>
    private static void AssertFootprint(IFeature feature, int row, int col)
    {
        var ring = Assert.IsType<Polygon>(feature.Geometry).ExteriorRing;
        Assert.True(ring.IsClosed);
        Assert.Equal(5, ring.NumPoints);
        Assert.True(NetTopologySuite.Algorithm.Orientation.IsCCW(ring.CoordinateSequence), $"{feature.Attributes["id"]}: ring is not counter-clockwise");
        var (left, top) = (SyntheticScenes.OriginX + (col * Block), SyntheticScenes.OriginY - (row * Block));
        (double X, double Y)[] corners = [(left, top), (left, top - Block), (left + Block, top - Block), (left + Block, top)];
        for (var i = 0; i < 4; i++)
        {
            var p = ring.GetCoordinateN(i);
            var (e, n) = Projections.UtmForward(p.Y, p.X, 18, Projections.Grs80InverseFlattening);
            var off = Math.Sqrt(Math.Pow(e - corners[i].X, 2) + Math.Pow(n - corners[i].Y, 2));
            Assert.True(off < 1, $"{feature.Attributes["id"]} corner {i} is {off:0.000} m from ({corners[i].X}, {corners[i].Y})");
        }
    }

    private static FeatureCollection ReadFeatures(string path) =>
        JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), FeatureCollectionWriter.ReadOptions)!;

    /// <summary>tiles.csv's lat,lon by tile id.</summary>
    private static Dictionary<string, (double Lat, double Lon)> TilesCsv(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.Split(',')).ToList();
        var (id, lat, lon) = (Array.IndexOf(lines[0], "id"), Array.IndexOf(lines[0], "lat"), Array.IndexOf(lines[0], "lon"));
        return lines.Skip(1).ToDictionary(l => l[id], l => (Double(l[lat]), Double(l[lon])));
    }

    private static string Id((int Row, int Col) cell) => $"r{cell.Row:0000}_c{cell.Col:0000}";

    private static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static double Double(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private string At(params string[] parts) => Path.Combine([_root, .. parts]);
}
