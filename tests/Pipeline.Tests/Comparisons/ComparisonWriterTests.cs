using System.Text.Json;
using LandUse.Analysis.Change;
using LandUse.Analysis.Review;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Geo.GeoJson;
using LandUse.Pipeline.Comparisons;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Labels;
using LandUse.TestSupport;
using NetTopologySuite.Features;
using SkiaSharp;

namespace LandUse.Pipeline.Tests.Comparisons;

/// <summary>A comparison's outputs from two runs and their tile folders: ranked GeoJSON, review thumbnails, notes for what is missing.</summary>
public sealed class ComparisonWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Candidates_get_footprints_in_rank_order_and_thumbnails_of_both_years_capped_with_a_note()
    {
        var (a, b) = Runs(developedInB: [(0, 0), (1, 1), (2, 2)], withCoordinates: true);
        var sources = new ComparisonSources(new LocalFolderTileStore(_temp.Combine("tiles-a")), new LocalFolderTileStore(_temp.Combine("tiles-b")), []);
        var outDir = _temp.Combine("out");

        var outcome = await ComparisonWriter.WriteAsync(a.AsStreamed(), b.AsStreamed(), ChangeOptions.Default, outDir, sources, new ReviewOptions(MaxCandidates: 2, CellPixels: 16), TestContext.Current.CancellationToken);

        Assert.Equal(3, outcome.Summary.CandidateCount);
        var features = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(outcome.Files.GeoJson!), FeatureCollectionWriter.ReadOptions)!;
        Assert.Equal([1, 2, 3], features.Select(f => Convert.ToInt32(f.Attributes["rank"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["r0002_c0002", "r0001_c0001", "r0000_c0000"], features.Select(f => (string)f.Attributes["id"]));
        Assert.Equal("Undeveloped -> Developed", features[0].Attributes["change"]);
        Assert.Equal(["review/0001-a.jpg", "review/0001-b.jpg", "review/0002-a.jpg", "review/0002-b.jpg"],
            Directory.GetFiles(Path.Combine(outDir, "review")).Select(f => "review/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));
        using (var thumbnail = SKBitmap.Decode(Path.Combine(outDir, "review", "0001-b.jpg")))
        {
            Assert.Equal((48, 48), (thumbnail.Width, thumbnail.Height));
            var centre = thumbnail.GetPixel(24, 24);
            Assert.True(centre.Red > 150 && centre.Green < 90, $"the centre cell is run B's developed (red) tile, got {centre}");
        }

        var html = File.ReadAllText(outcome.Files.Report);
        Assert.Contains("src=\"review/0002-a.jpg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("review/0003", html, StringComparison.Ordinal);
        Assert.Contains("1 more not shown; see candidates.csv.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_sources_or_coordinates_the_report_says_so_and_stale_outputs_are_removed()
    {
        var (a, b) = Runs(developedInB: [(1, 1)], withCoordinates: false);
        var outDir = _temp.Combine("out");
        _temp.File("out/candidates.geojson", "{}"u8.ToArray());
        _temp.File("out/review/0007-a.jpg");
        _temp.File("out/review/mine.jpg");

        var outcome = await ComparisonWriter.WriteAsync(a.AsStreamed(), b.AsStreamed(), ChangeOptions.Default, outDir, ComparisonSources.Open(new TileStoreFactory(null!), ("a", null), ("b", TileSourceSpec.Local(_temp.Combine("gone")))), ReviewOptions.Default, TestContext.Current.CancellationToken);

        Assert.Null(outcome.Files.GeoJson);
        Assert.False(File.Exists(Path.Combine(outDir, "candidates.geojson")));
        Assert.False(File.Exists(Path.Combine(outDir, "review", "0007-a.jpg")));
        Assert.True(File.Exists(Path.Combine(outDir, "review", "mine.jpg")));
        var html = File.ReadAllText(outcome.Files.Report);
        Assert.Contains("candidates.geojson not written: no candidate has coordinates", html, StringComparison.Ordinal);
        Assert.Contains("Run A (a) does not record its tile source, so its tiles are not shown.", html, StringComparison.Ordinal);
        Assert.Contains("Run B (b) tiles at " + _temp.Combine("gone") + " cannot be read", html, StringComparison.Ordinal);
        Assert.Contains("#1 r0001_c0001", html, StringComparison.Ordinal);
        Assert.Contains(">no image</div>", html, StringComparison.Ordinal);
    }

    /// <summary>A 3 × 3 forest in both years (tile folders of green PNGs) except the cells that are developed (red) in B.</summary>
    private (LoadedRun A, LoadedRun B) Runs((int Row, int Col)[] developedInB, bool withCoordinates)
    {
        var tilesA = new List<TileResult>();
        var tilesB = new List<TileResult>();
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                var id = $"r{r:0000}_c{c:0000}";
                var developed = developedInB.Contains((r, c));
                _temp.File($"tiles-a/{id}.png", Png(new SKColor(30, 120, 40)));
                _temp.File($"tiles-b/{id}.png", Png(developed ? new SKColor(200, 40, 40) : new SKColor(30, 120, 40)));
                double? lat = withCoordinates ? 40.6 - (r * 0.002) : null;
                double? lon = withCoordinates ? -77.4 + (c * 0.0027) : null;

                // The later the cell, the surer the model: (2,2) is the most confident candidate.
                var sure = 0.6f + (0.1f * (r + c) / 2);
                tilesA.Add(new TileResult($"{id}.png", id, LandCover.Forest, null, P(LandCover.Forest, sure), null, r, c, lat, lon));
                tilesB.Add(new TileResult($"{id}.png", id, developed ? LandCover.Developed : LandCover.Forest, null, P(developed ? LandCover.Developed : LandCover.Forest, sure), null, r, c, lat, lon));
            }
        }

        return (Loaded("a", tilesA), Loaded("b", tilesB));
    }

    private static LoadedRun Loaded(string id, List<TileResult> tiles) =>
        new("", RunSummaryBuilder.Build(RunTotals.FromTiles(id, tiles)), tiles);

    private static float[] P(LandCover label, float p)
    {
        var probabilities = new float[6];
        probabilities[(int)label] = p;
        probabilities[(int)LandCover.Cultivated] += 1 - p;
        return probabilities;
    }

    private static byte[] Png(SKColor color)
    {
        using var bitmap = new SKBitmap(224, 224);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
