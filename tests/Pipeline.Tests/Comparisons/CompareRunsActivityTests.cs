using System.Text.Json;
using Azure.Identity;
using LandUse.Analysis.Change;
using LandUse.Analysis.Summaries;
using LandUse.Geo.GeoJson;
using LandUse.Geo.Tiling;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Comparisons;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using LandUse.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using NetTopologySuite.Features;
using SkiaSharp;

namespace LandUse.Pipeline.Tests.Comparisons;

/// <summary>The CompareRuns activity (the Functions and RunControl path) stores candidates.geojson and the review thumbnails with the report.</summary>
public sealed class CompareRunsActivityTests
{
    [Fact]
    public async Task Stored_runs_compare_into_the_results_target_with_grid_footprints_and_thumbnails_from_their_recorded_sources()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var runsDir = temp.Combine("runs");
        var target = PredictionTarget.Files(runsDir);
        await StoreRunAsync(temp, target, "y2016", developed: false, ct);
        await StoreRunAsync(temp, target, "y2020", developed: true, ct);
        var clients = new StorageClients(new StorageConnections(), new DefaultAzureCredential());
        var activity = new CompareRunsActivity(new PredictionStoreFactory(clients), new RunLedgers(clients), new ArtifactSinks(clients), new TileStoreFactory(clients), NullLogger<CompareRunsActivity>.Instance);

        var result = await activity.ExecuteAsync(new CompareRunsRequest("cmp", "y2016", "y2020", ChangeOptions.Default, target, ArtifactTarget.Folder(runsDir)), ct);

        Assert.Equal(1, result.Summary.CandidateCount);
        var outDir = Path.Combine(runsDir, "compare", "cmp");
        Assert.Contains(Path.Combine(outDir, "candidates.geojson"), result.Files);
        Assert.Contains(Path.Combine(outDir, "review", "0001-a.jpg"), result.Files);
        Assert.Contains(Path.Combine(outDir, "review", "0001-b.jpg"), result.Files);
        var feature = Assert.Single(JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(Path.Combine(outDir, "candidates.geojson")), FeatureCollectionWriter.ReadOptions)!);
        Assert.Equal(("r0000_c0001", "grid"), ((string)feature.Attributes["id"], (string)feature.Attributes["footprint"]));
        Assert.Contains("src=\"review/0001-b.jpg\"", File.ReadAllText(Path.Combine(outDir, "compare.html")), StringComparison.Ordinal);
    }

    /// <summary>One run of a 1 × 2 tile folder (with grid.json) in the file store and ledger; in the developed year tile (0,1) is Developed.</summary>
    private static async Task StoreRunAsync(TempFolder temp, PredictionTarget target, string runId, bool developed, CancellationToken ct)
    {
        var tiles = temp.Combine("tiles-" + runId);
        var grid = new GridInfo { Epsg = 26918, OriginX = 300_000, OriginY = 4_500_000, PixelWidth = 1, PixelHeight = 1, Size = 224, Stride = 224, Rows = 1, Cols = 2, Bands = [1, 2, 3], Scenes = ["s.tif"] };
        temp.File($"tiles-{runId}/grid.json", System.Text.Encoding.UTF8.GetBytes(grid.ToJson()));
        var rows = new List<PredictionRow>();
        for (var col = 0; col < 2; col++)
        {
            var label = developed && col == 1 ? LandCover.Developed : LandCover.Forest;
            temp.File($"tiles-{runId}/r0000_c{col:0000}.png", Png(label == LandCover.Developed ? SKColors.Gray : SKColors.DarkGreen));
            var p = new float[6];
            p[(int)label] = 1;
            rows.Add(new PredictionRow($"r0000_c{col:0000}.png", label, p, null) { Row = 0, Col = col, Lat = 40.6, Lon = -77.4 + (col * 0.0027), ModelVersion = "m", SourceVersion = "v" });
        }

        var store = new FilePredictionStore(runsDir: target.RunsDir!);
        await store.PrepareAsync(runId, ct);
        await store.SavePageAsync(runId, 0, [.. rows.Select(r => new TileEntry(r.Path, "v", 1))], 32, ct);
        await store.WriteBatchAsync(runId, 0, 0, rows, ct);
        var summary = RunSummaryBuilder.Build(new RunTotals { RunId = runId, Listed = 2, Counts = TileCounts.FromRows(rows, 0) });
        var request = new RunRequest { RunId = runId, Source = TileSourceSpec.Local(tiles), ModelBundle = "m", Output = target };
        await new FileRunLedger(target.RunsDir!).SaveAsync(new RunRecord { RunId = runId, Status = RunStatus.Completed, Pages = 1, Summary = summary, Request = request }, ct);
    }

    private static byte[] Png(SKColor color)
    {
        using var bitmap = new SKBitmap(224, 224);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
