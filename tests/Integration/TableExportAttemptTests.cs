using Azure.Storage.Blobs;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Output;
using LandUse.TestSupport;

namespace LandUse.Integration;

/// <summary>A Table-backed run's export holds the latest attempt's tiles only: tiles deleted from the source since an earlier attempt are not exported.</summary>
public sealed class TableExportAttemptTests(AzuriteFixture azurite, ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private const string Connection = "azurite";
    private readonly TempFolder _runs = new("landuse-export-attempt");

    public void Dispose() => _runs.Dispose();

    [Fact]
    public async Task Rerunning_an_id_after_tiles_were_deleted_exports_only_the_tiles_still_there_reused_rows_included()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = tiles.Files().Take(120).ToList();
        var container = await TileContainers.UploadAsync(azurite, "attempts", "set", files, ct);

        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);
        var request = new RunRequest
        {
            RunId = "attempts-" + Guid.NewGuid().ToString("N")[..6],
            Source = TileSourceSpec.Blob(container.Name, "set", Connection),
            ModelBundle = model.BundleDir,
            Output = PredictionTarget.Tables(Connection),
            BatchSize = 16,
            PageSize = 50,
        };
        var first = await LocalRun.ExecuteAsync(request, _runs.Path, connections, null, null, ct);
        Assert.Equal(120, PredictionCsv.ReadFile(Path.Combine(first.RunFolder!, "predictions.csv")).Count);

        var deleted = files.Take(30).Select(f => f.Ref).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in deleted)
        {
            await container.GetBlobClient("set/" + gone).DeleteAsync(cancellationToken: ct);
        }

        var second = await LocalRun.ExecuteAsync(request, _runs.Path, connections, null, null, ct);

        Assert.Equal(90, second.Listed);
        Assert.Equal(90, second.Scored + second.Failed);
        Assert.True(second.Skipped >= 89, $"only {second.Skipped} of 90 rows were reused");
        var exported = PredictionCsv.ReadFile(Path.Combine(second.RunFolder!, "predictions.csv"));
        Assert.Equal(90, exported.Count);
        Assert.DoesNotContain(exported, r => deleted.Contains(r.Path));
        var results = new BlobContainerClient(azurite.ConnectionString, "results");
        var uploaded = (await results.GetBlobClient($"runs/{request.RunId}/predictions.csv").DownloadContentAsync(ct)).Value.Content.ToString();
        Assert.Equal(91, uploaded.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
