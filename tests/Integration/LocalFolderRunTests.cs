using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;

namespace LandUse.Integration;

/// <summary>A full run on the embedded engine with the real model: local tile folder in, run folder out.</summary>
public sealed class LocalFolderRunTests(ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private readonly string _runsDir = Path.Combine(Path.GetTempPath(), "landuse-runs-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Local_run_scores_every_tile_exactly_once_and_a_rerun_reuses_them_all()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new RunRequest
        {
            RunId = "local-300",
            Source = TileSourceSpec.Local(tiles.Folder),
            ModelBundle = model.BundleDir,
            Output = PredictionTarget.Files(_runsDir),
            BatchSize = 16,
            MaxParallelBatches = 4,
            PageSize = 128,
        };

        var first = await LocalRun.ExecuteAsync(request, _runsDir, new StorageConnections(), null, null, ct);

        RunAssertions.ExactlyOnce(first, TileSetFixture.TileCount, failed: 1);
        Assert.Equal(0, first.Skipped);
        Assert.Equal(model.ModelVersion, first.ModelVersion);
        Assert.Equal(3, first.Pages);
        var folder = first.RunFolder!;
        var rows = RunAssertions.PredictionsCsv(folder, TileSetFixture.TileCount);
        Assert.Contains(rows, r => r.Path == TileSetFixture.BrokenTile && r.Error is { Length: > 0 });
        var summary = RunAssertions.Summary(folder, first);
        Assert.Equal(TileSetFixture.TileCount - 1, summary.WithTruth);
        Assert.True(File.Exists(Path.Combine(folder, "index.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));

        var again = await LocalRun.ExecuteAsync(request, _runsDir, new StorageConnections(), null, null, ct);

        RunAssertions.ExactlyOnce(again, TileSetFixture.TileCount, failed: 1);
        Assert.Equal(TileSetFixture.TileCount - 1, again.Skipped);
        RunAssertions.PredictionsCsv(folder, TileSetFixture.TileCount);
        Assert.Equal(summary.Confusion6!.Counts.SelectMany(r => r), RunAssertions.Summary(folder, again).Confusion6!.Counts.SelectMany(r => r));
    }

    public void Dispose()
    {
        if (Directory.Exists(_runsDir))
        {
            Directory.Delete(_runsDir, recursive: true);
        }
    }
}
