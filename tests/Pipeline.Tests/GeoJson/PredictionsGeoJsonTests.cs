using System.Text.Json;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Geo.GeoJson;
using LandUse.Geo.Tiling;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.GeoJson;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using LandUse.TestSupport;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace LandUse.Pipeline.Tests.GeoJson;

/// <summary>A run's coordinates in its artifacts: lat,lon in predictions.csv and index.csv, footprints in predictions.geojson.</summary>
public sealed class PredictionsGeoJsonTests
{
    [Fact]
    public async Task A_run_with_coordinates_gets_lat_lon_columns_and_one_footprint_feature_per_tile_with_its_prediction()
    {
        using var run = new TempFolder();
        PredictionRow[] rows = [Row("r0000_c0000.png", 0, 0, 40.6256587, -77.36332208), Row("r0000_c0001.png", 0, 1, 40.62571285, -77.36067582) with { Label = null, Probabilities = null, Error = "Corrupt: bad" }];

        var summary = await RunArtifactWriter.WriteAsync(new FolderArtifactSink(run.Path), Async(rows), Summary(rows), TestContext.Current.CancellationToken);

        Assert.Null(summary.Notes);
        Assert.Null(summary.Warnings);
        Assert.Equal(PredictionCsv.HeaderLine + ",lat,lon", File.ReadLines(run.Combine(RunFiles.Predictions)).First());
        Assert.Equal((40.6256587, -77.36332208), (PredictionCsv.ReadFile(run.Combine(RunFiles.Predictions))[0].Lat!.Value, PredictionCsv.ReadFile(run.Combine(RunFiles.Predictions))[0].Lon!.Value));
        Assert.Equal(40.62571285, IndexCsv.Read(run.Combine(RunFiles.Index))[1].Lat);
        var features = Read(run.Combine(RunFiles.PredictionsGeoJson));
        Assert.Equal(2, features.Count);
        var first = features[0];
        Assert.Equal(
            ["id", "path", "row", "col", "lat", "lon", "label", "group", "p_Barren", "p_Forest", "p_Shrub", "p_Cultivated", "p_Herbaceous", "p_Developed", "truth", "error", "footprint"],
            first.Attributes.GetNames());
        Assert.Equal(("r0000_c0000", "Forest", "Undeveloped", "centre"), ((string)first.Attributes["id"], (string)first.Attributes["label"], (string)first.Attributes["group"], (string)first.Attributes["footprint"]));
        Assert.Equal(0.8, Convert.ToDouble(first.Attributes["p_Forest"], System.Globalization.CultureInfo.InvariantCulture), 1e-6);
        Assert.Equal("Corrupt: bad", features[1].Attributes["error"]);
        Assert.Null(features[1].Attributes["label"]);
        var centre = ((Polygon)first.Geometry).Centroid;
        Assert.Equal(-77.36332208, centre.X, 1e-6);
        Assert.Equal(40.6256587, centre.Y, 1e-6);
    }

    [Fact]
    public async Task Footprints_come_from_the_grid_json_beside_the_tiles_when_the_store_has_one()
    {
        using var tiles = new TempFolder();
        using var run = new TempFolder();
        var grid = new GridInfo
        {
            Epsg = 26918, OriginX = 300_000, OriginY = 4_500_000, PixelWidth = 1, PixelHeight = 1, Size = 224, Stride = 224, Rows = 1, Cols = 2, Bands = [1, 2, 3], Scenes = ["s.tif"],
        };
        tiles.File("2016/grid.json", System.Text.Encoding.UTF8.GetBytes(grid.ToJson()));
        PredictionRow[] rows = [Row("2016/r0000_c0001.png", 0, 1, 40.62571285, -77.36067582), Row("other/x.png", null, null, 40.7, -77.4)];

        await RunArtifactWriter.WriteAsync(new FolderArtifactSink(run.Path), Async(rows), Summary(rows), new StoreFootprints(new LocalFolderTileStore(tiles.Path)), TestContext.Current.CancellationToken);

        var features = Read(run.Combine(RunFiles.PredictionsGeoJson));
        Assert.Equal(["grid", "centre"], features.Select(f => (string)f.Attributes["footprint"]));
        var corner = ((Polygon)features[0].Geometry).ExteriorRing.GetCoordinateN(0);
        var (lon, lat) = LandUse.Geo.Crs.CrsTransform.ToWgs84(LandUse.Geo.Crs.SupportedCrs.Find(26918)!).Apply(300_224, 4_500_000);
        Assert.Equal((lon, lat), (corner.X, corner.Y), new Tolerance(1e-8));
    }

    [Fact]
    public async Task Without_coordinates_no_geojson_is_written_and_the_summary_notes_why()
    {
        using var run = new TempFolder();
        PredictionRow[] rows = [Row("r0000_c0000.png", 0, 0, null, null)];

        var summary = await RunArtifactWriter.WriteAsync(new FolderArtifactSink(run.Path), Async(rows), Summary(rows), TestContext.Current.CancellationToken);

        Assert.Equal(PredictionFeatures.NotWrittenNote, Assert.Single(summary.Notes!));
        Assert.Null(summary.Warnings);
        Assert.False(File.Exists(run.Combine(RunFiles.PredictionsGeoJson)));
        Assert.Equal(PredictionCsv.HeaderLine, File.ReadLines(run.Combine(RunFiles.Predictions)).First());
        Assert.Contains("Note: predictions.geojson not written", await File.ReadAllTextAsync(run.Combine(RunFiles.Report), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(summary.Notes, RunSummary.FromJson(await File.ReadAllTextAsync(run.Combine(RunFiles.Summary), TestContext.Current.CancellationToken)).Notes);
    }

    [Fact]
    public async Task A_broken_grid_json_is_a_warning_and_every_other_artifact_is_written()
    {
        using var tiles = new TempFolder();
        using var run = new TempFolder();
        tiles.File("grid.json", "{ not json"u8.ToArray());
        PredictionRow[] rows = [Row("r0000_c0000.png", 0, 0, 40.6, -77.4)];

        var summary = await RunArtifactWriter.WriteAsync(new FolderArtifactSink(run.Path), Async(rows), Summary(rows), new StoreFootprints(new LocalFolderTileStore(tiles.Path)), TestContext.Current.CancellationToken);

        var warning = Assert.Single(summary.Warnings!);
        Assert.StartsWith("predictions.geojson could not be written: ", warning, StringComparison.Ordinal);
        Assert.Contains("grid.json: is not a valid grid description", warning, StringComparison.Ordinal);
        Assert.False(File.Exists(run.Combine(RunFiles.PredictionsGeoJson)));
        Assert.True(File.Exists(run.Combine(RunFiles.Report)));
        Assert.True(File.Exists(run.Combine(RunFiles.Summary)));
    }

    [Fact]
    public async Task The_store_is_asked_for_a_folder_s_grid_once()
    {
        using var tiles = new TempFolder();
        var store = new CountingStore(new LocalFolderTileStore(tiles.Path));
        var footprints = new StoreFootprints(store);

        for (var i = 0; i < 50; i++)
        {
            Assert.NotNull(await footprints.ForAsync($"2016/t{i}.png", i, 0, 40.6, -77.4, TestContext.Current.CancellationToken));
        }

        Assert.Null(await footprints.ForAsync("2016/none.png", null, null, null, null, TestContext.Current.CancellationToken));
        Assert.Equal(1, store.SideFileReads);
    }

    private static FeatureCollection Read(string path) =>
        JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), FeatureCollectionWriter.ReadOptions)!;

    private static PredictionRow Row(string path, int? row, int? col, double? lat, double? lon) =>
        new(path, LandCover.Forest, [0, 0.8f, 0, 0.1f, 0, 0.1f], null) { Row = row, Col = col, Lat = lat, Lon = lon, ModelVersion = "m", SourceVersion = "v" };

    private static RunSummary Summary(IEnumerable<PredictionRow> rows) =>
        RunSummaryBuilder.Build(new RunTotals { RunId = "r1", Listed = rows.Count(), Counts = TileCounts.FromRows(rows, 0) });

    private static async IAsyncEnumerable<PredictionRow> Async(IEnumerable<PredictionRow> rows)
    {
        await Task.Yield();
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private sealed class CountingStore(ITileStore inner) : ITileStore
    {
        public int SideFileReads { get; private set; }

        public string Description => inner.Description;

        public Task<TilePage> ListPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken) => inner.ListPageAsync(continuationToken, pageSize, cancellationToken);

        public Task<TileContent> ReadAsync(string tileRef, CancellationToken cancellationToken) => inner.ReadAsync(tileRef, cancellationToken);

        public Task<byte[]?> TryReadFileAsync(string relativePath, CancellationToken cancellationToken)
        {
            SideFileReads++;
            return inner.TryReadFileAsync(relativePath, cancellationToken);
        }

        public Uri? TryGetUri(string tileRef) => inner.TryGetUri(tileRef);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) <= epsilon && Math.Abs(x.Item2 - y.Item2) <= epsilon;

        public int GetHashCode((double, double) obj) => 0;
    }
}
