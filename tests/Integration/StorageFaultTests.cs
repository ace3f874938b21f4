using Azure.Data.Tables;
using Azure.Storage.Blobs;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Integration;

/// <summary>
/// A Blob-to-Table run whose every storage call goes through <see cref="StorageFaultProxy"/>s that answer 503s, drop
/// connections and stall calls past the network timeout: the clients' explicit retry policy (<see cref="StorageRetry"/>)
/// rides them out and the run ends with every tile exactly once, one table row each.
/// </summary>
public sealed class StorageFaultTests(AzuriteFixture azurite, ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private const string Connection = "faulty";
    private readonly TempFolder _runs = new("landuse-storage-faults");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _runs.Dispose();

    [Fact]
    public async Task A_run_through_storage_503s_resets_and_timeouts_scores_every_tile_once_with_one_row_each()
    {
        var files = tiles.Files().Where((_, i) => i % 3 == 0 || i == 0).ToList();
        var container = await TileContainers.UploadAsync(azurite, "faults", "set", files, Ct);

        await using var blobs = await StorageFaultProxy.StartAsync(StorageFaultProxy.Endpoint(azurite.ConnectionString, "BlobEndpoint"), Plan(busy: 7, reset: 23, stall: 11));
        await using var tables = await StorageFaultProxy.StartAsync(StorageFaultProxy.Endpoint(azurite.ConnectionString, "TableEndpoint"), Plan(busy: 5, reset: 19, stall: 13));
        var connections = new StorageConnections();
        connections.Set(Connection, StorageFaultProxy.Route(azurite.ConnectionString, blobs, tables));
        var retry = new StorageRetry { Delay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromSeconds(1), NetworkTimeout = TimeSpan.FromSeconds(3) };
        var engine = new EmbeddedEngineOptions { ConfigureServices = services => services.AddSingleton(retry) };
        var request = new RunRequest
        {
            RunId = "faults-" + Guid.NewGuid().ToString("N")[..6],
            Source = TileSourceSpec.Blob(container.Name, "set", Connection),
            ModelBundle = model.BundleDir,
            Output = PredictionTarget.Tables(Connection),
            BatchSize = 8,
            MaxParallelBatches = 2,
            PageSize = 40,
        };

        var outcome = await LocalRun.ExecuteAsync(request, _runs.Path, connections, null, engine, Ct).WaitAsync(TimeSpan.FromMinutes(10), Ct);

        var failed = files.Count(f => f.Ref == TileSetFixture.BrokenTile);
        RunAssertions.ExactlyOnce(outcome, files.Count, failed);
        RunAssertions.PredictionsCsv(outcome.RunFolder!, files.Count);
        var rows = await RowKeysAsync(request.RunId);
        Assert.Equal(files.Count, rows.Count);
        Assert.Equal(files.Count, rows.Distinct(StringComparer.Ordinal).Count());
        var record = await new TableRunLedger(new TableServiceClient(azurite.ConnectionString)).GetAsync(request.RunId, Ct);
        Assert.Equal(RunStatus.Completed, record!.Status);
        Assert.True(blobs.Faults >= 3 && tables.Faults >= 3, $"too few faults were injected (blob {blobs.Faults} of {blobs.Calls}, table {tables.Faults} of {tables.Calls})");
        TestContext.Current.SendDiagnosticMessage(
            "Storage faults injected: blob {0} of {1} calls, table {2} of {3}; tiles lost 0, duplicate rows 0", blobs.Faults, blobs.Calls, tables.Faults, tables.Calls);
    }

    [Fact]
    public void Every_storage_client_gets_the_explicit_retry_policy()
    {
        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);
        var clients = new StorageClients(connections, new Azure.Identity.DefaultAzureCredential());

        Assert.Equal(Azure.Core.RetryMode.Exponential, clients.Retry.Mode);
        Assert.Equal(6, clients.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(500), clients.Retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(16), clients.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), clients.Retry.NetworkTimeout);
        var options = StorageRetry.Default.ApplyTo(new BlobClientOptions());
        Assert.Equal((6, TimeSpan.FromSeconds(30)), (options.Retry.MaxRetries, options.Retry.NetworkTimeout));
    }

    // Faults on a fixed schedule; the first few calls (container and table creation) pass so the schedule hits the run.
    private static Func<int, StorageFault> Plan(int busy, int reset, int stall) => call =>
        call % stall == 0 && call / stall <= 3 ? StorageFault.Stall
        : call % reset == 0 ? StorageFault.Reset
        : call % busy == 0 ? StorageFault.ServerBusy
        : StorageFault.None;

    private async Task<List<string>> RowKeysAsync(string runId)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TablePredictionStore.PredictionsTable);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {runId + "-"} and PartitionKey lt {runId + "."}");
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: Ct))
        {
            keys.Add(row.PartitionKey + "/" + row.RowKey);
        }

        return keys;
    }
}
