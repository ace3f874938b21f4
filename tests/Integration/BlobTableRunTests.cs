using Azure.Data.Tables;
using Azure.Storage.Blobs;
using LandUse.Analysis.Summaries;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;

namespace LandUse.Integration;

/// <summary>A full run with the real model over a blob container in Azurite, predictions and the ledger in Azurite tables.</summary>
public sealed class BlobTableRunTests(AzuriteFixture azurite, ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private const string Connection = "azurite";
    private readonly string _runsDir = Path.Combine(Path.GetTempPath(), "landuse-runs-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Blob_run_writes_one_table_row_per_tile_and_a_run_row_whose_counts_match()
    {
        var ct = TestContext.Current.CancellationToken;
        var container = await TileContainers.UploadAsync(azurite, "tiles", "set300", tiles.Files(), ct);
        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);
        var request = new RunRequest
        {
            RunId = "blob-" + Guid.NewGuid().ToString("N")[..6],
            Source = TileSourceSpec.Blob(container.Name, "set300", Connection),
            ModelBundle = model.BundleDir,
            Output = PredictionTarget.Tables(Connection),
            BatchSize = 16,
            MaxParallelBatches = 4,
            PageSize = 100,
        };

        var outcome = await LocalRun.ExecuteAsync(request, _runsDir, connections, null, null, ct);

        RunAssertions.ExactlyOnce(outcome, TileSetFixture.TileCount, failed: 1);
        Assert.Equal(4, outcome.Pages);
        var service = new TableServiceClient(azurite.ConnectionString);
        var rows = await RowsAsync(service.GetTableClient(TablePredictionStore.PredictionsTable), request.RunId, ct);
        Assert.Equal(TileSetFixture.TileCount, rows.Count);
        Assert.Equal(TileSetFixture.TileCount, rows.Select(r => r.RowKey).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Equal(ShardKey.PartitionKey(request.RunId, r.GetString("path")), r.PartitionKey));
        Assert.Single(rows, r => r.GetString("error") is { Length: > 0 });

        var run = (await service.GetTableClient(TableRunLedger.TableName).GetEntityAsync<TableEntity>(RunEntity.Partition, request.RunId, cancellationToken: ct)).Value;
        var record = RunEntity.FromEntity(run);
        Assert.Equal(RunStatus.Completed, record.Status);
        Assert.Equal(TileSetFixture.TileCount, record.Listed);
        Assert.Equal(TileSetFixture.TileCount - 1, record.Scored);
        Assert.Equal(1, record.Failed);
        var summary = record.Summary!;
        Assert.Equal(record.Scored, summary.Confusion6!.Counts.Sum(r => r.Sum()));

        // Every run gets its report: a Table-backed one in the results container under runs/<runId>/.
        var results = new BlobContainerClient(azurite.ConnectionString, "results");
        foreach (var name in new[] { "report.html", "summary.json", "predictions.csv", "index.csv" })
        {
            Assert.True(await results.GetBlobClient($"runs/{request.RunId}/{name}").ExistsAsync(ct), $"results/runs/{request.RunId}/{name} is missing");
        }

        var stored = RunSummary.FromJson((await results.GetBlobClient($"runs/{request.RunId}/summary.json").DownloadContentAsync(ct)).Value.Content.ToString());
        Assert.Equal(record.Scored, stored.Counts.Scored);
        Assert.Equal(TileSetFixture.TileCount, PredictionCsvRows((await results.GetBlobClient($"runs/{request.RunId}/predictions.csv").DownloadContentAsync(ct)).Value.Content.ToString()));

        // The local export matches the tables.
        RunAssertions.PredictionsCsv(outcome.RunFolder!, TileSetFixture.TileCount);
        RunAssertions.Summary(outcome.RunFolder!, outcome);

        // Same run id again: every scored tile is reused, the table still has one row per tile.
        var again = await LocalRun.ExecuteAsync(request, _runsDir, connections, null, null, ct);
        RunAssertions.ExactlyOnce(again, TileSetFixture.TileCount, failed: 1);
        Assert.Equal(TileSetFixture.TileCount - 1, again.Skipped);
        Assert.Equal(TileSetFixture.TileCount, (await RowsAsync(service.GetTableClient(TablePredictionStore.PredictionsTable), request.RunId, ct)).Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_runsDir))
        {
            Directory.Delete(_runsDir, recursive: true);
        }
    }

    private static int PredictionCsvRows(string csv) => Scoring.Output.PredictionCsv.Read(new StringReader(csv)).Count();

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, string runId, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {runId + "-"} and PartitionKey lt {runId + "."}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
