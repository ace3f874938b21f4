using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Models;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Runs;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Registry;
using LandUse.Scoring.Training;
using LandUse.Scoring.Wire;
using LandUse.Synthetic.Tiles;
using LandUse.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Integration;

/// <summary>
/// Trained bundles published to a registry container on Azurite and named by runs: through run control with the remote
/// backend (a loopback worker reading the registry), every row carries the version the run resolved; a second version
/// named by the same run id rescores every tile with it. In process, a registry model is downloaded into the cache and
/// verified; a corrupt one fails the run before anything is scored, a corrupted cache entry is downloaded again.
/// </summary>
public sealed class ModelRegistryRunTests(AzuriteFixture azurite, ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private const string Connection = "azurite";
    private const int Tiles = 61;
    private readonly TempFolder _work = new("landuse-registry-it");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_remote_run_records_the_published_version_it_named_and_the_same_run_id_rescores_with_the_newest_version()
    {
        var ct = TestContext.Current.CancellationToken;
        var labeled = _work.Combine("labeled");
        await TileSetWriter.WriteAsync(labeled, 8, 77, null, ct, MachineCores.Count);
        var v1 = await TrainAsync(labeled, "v1", seed: 1, ct);
        var v2 = await TrainAsync(labeled, "v2", seed: 2, ct);
        Assert.NotEqual(ModelBundle.Load(v1).Manifest.Sha256, ModelBundle.Load(v2).Manifest.Sha256);

        var registryContainer = "models-" + Guid.NewGuid().ToString("N")[..8];
        var (published, publishOut, publishError) = await CliProcess.RunAsync("model", "publish", v1, "--to", registryContainer, "--connection", azurite.ConnectionString);
        Assert.True(published == 0, publishError);
        Assert.Contains("published registry-it/v1 to container '" + registryContainer + "'", publishOut, StringComparison.Ordinal);

        var source = await UploadTilesAsync("regrun", ct);
        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);
        await using var worker = await RegistryWorker.StartAsync(azurite.ConnectionString, registryContainer, _work.Combine("worker-cache"), ct);
        var scoring = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scoring:Endpoint"] = worker.Urls.Single(),
            ["Scoring:SharedKey"] = RegistryWorker.Key,
            ["Scoring:MaxTilesPerCall"] = "16",
            ["Scoring:ReadyTimeout"] = "00:02:00",
        }).Build();
        var engine = new EmbeddedEngineOptions { ConfigureServices = s => s.AddScoringBackend(scoring) };
        var request = new RunRequest
        {
            RunId = "registry-" + Guid.NewGuid().ToString("N")[..6],
            Source = source,
            ModelBundle = "registry-it/v1",
            Models = ModelRegistryLocation.Blob(registryContainer, Connection),
            Output = PredictionTarget.Tables(Connection),
            BatchSize = 16,
            PageSize = 100,
        };

        var first = await LocalRun.ExecuteAsync(request, _work.Combine("runs"), connections, null, engine, ct);

        RunAssertions.ExactlyOnce(first, Tiles, failed: 1);
        Assert.Equal("registry-it/v1", first.ModelVersion);
        var firstRows = await RowsAsync(request.RunId, ct);
        Assert.Equal(Tiles, firstRows.Count);
        Assert.All(firstRows, r => Assert.Equal("registry-it/v1", r.GetString("modelVersion")));
        var ledger = await LedgerAsync(request.RunId, ct);
        Assert.Equal("registry-it/v1", ledger.ModelVersion);

        // A second version, then the same run id naming the model only: its newest version rescores every tile.
        (published, publishOut, publishError) = await CliProcess.RunAsync("model", "publish", v2, "--to", registryContainer, "--connection", azurite.ConnectionString);
        Assert.True(published == 0, publishError);
        await Listed_and_immutable_through_the_cli(registryContainer, v1, v2);
        var second = await LocalRun.ExecuteAsync(request with { ModelBundle = "registry-it" }, _work.Combine("runs"), connections, null, engine, ct);

        RunAssertions.ExactlyOnce(second, Tiles, failed: 1);
        Assert.Equal(0, second.Skipped);
        Assert.Equal("registry-it/v2", second.ModelVersion);
        var secondRows = await RowsAsync(request.RunId, ct);
        Assert.Equal(Tiles, secondRows.Count);
        Assert.All(secondRows, r => Assert.Equal("registry-it/v2", r.GetString("modelVersion")));
        ledger = await LedgerAsync(request.RunId, ct);
        Assert.Equal("registry-it/v2", ledger.ModelVersion);
        Assert.Equal("registry-it/v2", ledger.Request!.ModelBundle);
        var before = firstRows.ToDictionary(r => r.RowKey, Probabilities, StringComparer.Ordinal);
        Assert.Contains(secondRows, r => r.GetString("error") is null && before[r.RowKey] != Probabilities(r));

        // The worker downloaded both versions and keeps them loaded (two sessions at most).
        using var client = new HttpClient { BaseAddress = new Uri(worker.Urls.Single()) };
        client.DefaultRequestHeaders.Add("X-LandUse-Key", RegistryWorker.Key);
        var loaded = await client.GetFromJsonAsync<ModelList>(new Uri("/v1/models", UriKind.Relative), WireJson.Options, ct);
        Assert.Equal(["registry-it/v2", "registry-it/v1"], loaded!.Models.Select(m => m.Model));
        Assert.All(loaded.Models, m => Assert.Equal(ModelSession.RegistrySource, m.Source));
    }

    [Fact]
    public async Task In_process_a_registry_model_is_cached_verified_and_a_corrupt_one_fails_the_run_before_scoring_anything()
    {
        var ct = TestContext.Current.CancellationToken;
        var registryContainer = "models-" + Guid.NewGuid().ToString("N")[..8];
        var container = new BlobContainerClient(azurite.ConnectionString, registryContainer);
        var registry = new ModelRegistry(container);
        var good = Copy(model.BundleDir, "cache-1");
        var bad = Copy(model.BundleDir, "corrupt-1");
        await registry.PublishAsync(good, ct);
        await registry.PublishAsync(bad, ct);
        var manifest = ModelBundle.Load(good).Manifest;

        // The registry's copy of corrupt-1 gets other bytes (its manifest still promises the old sha256).
        var corruptBytes = await File.ReadAllBytesAsync(Path.Combine(bad, ModelBundle.ModelFileName), ct);
        corruptBytes[^1] ^= 0xFF;
        await container.GetBlobClient($"{manifest.Name}/corrupt-1/model.onnx").UploadAsync(BinaryData.FromBytes(corruptBytes), overwrite: true, ct);

        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);
        var cache = _work.Combine("cache");
        var engine = new EmbeddedEngineOptions { ConfigureServices = s => s.AddSingleton(new ModelSessionOptions { CacheFolder = cache }) };
        var runs = _work.Combine("runs");
        RunRequest Request(string runId, string reference) => new()
        {
            RunId = runId,
            Source = TileSourceSpec.Local(tiles.Folder),
            ModelBundle = reference,
            Models = ModelRegistryLocation.Blob(registryContainer, Connection),
            Output = PredictionTarget.Files(runs),
            BatchSize = 32,
            PageSize = 400,
        };

        var scored = await LocalRun.ExecuteAsync(Request("cached-" + Guid.NewGuid().ToString("N")[..6], manifest.Name + "/cache-1"), runs, connections, null, engine, ct);
        RunAssertions.ExactlyOnce(scored, TileSetFixture.TileCount, failed: 1);
        Assert.Equal($"{manifest.Name}/cache-1", scored.ModelVersion);
        var entry = Path.Combine(cache, manifest.Name, "cache-1");
        Assert.Equal(manifest.Sha256, ModelFileHash.Of(Path.Combine(entry, ModelBundle.ModelFileName)));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(entry)!, ".*.tmp"));

        // A cache entry damaged on disk is downloaded again, not scored with.
        var cached = Path.Combine(entry, ModelBundle.ModelFileName);
        var damaged = await File.ReadAllBytesAsync(cached, ct);
        damaged[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(cached, damaged, ct);
        var again = await LocalRun.ExecuteAsync(Request("recached-" + Guid.NewGuid().ToString("N")[..6], manifest.Name + "/cache-1"), runs, connections, null, engine, ct);
        RunAssertions.ExactlyOnce(again, TileSetFixture.TileCount, failed: 1);
        Assert.Equal(manifest.Sha256, ModelFileHash.Of(cached));

        // The corrupt version: the run fails at its start, with the reason, and nothing is listed or scored.
        var corruptRun = "corrupt-" + Guid.NewGuid().ToString("N")[..6];
        var failure = await Assert.ThrowsAsync<RunFailedException>(() => LocalRun.ExecuteAsync(Request(corruptRun, manifest.Name + "/corrupt-1"), runs, connections, null, engine, ct));
        Assert.Contains($"Model '{manifest.Name}/corrupt-1'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is corrupt: model.onnx hashes to", failure.Message, StringComparison.Ordinal);
        var record = await new FileRunLedger(runs).GetAsync(corruptRun, ct);
        Assert.Equal(RunStatus.Failed, record!.Status);
        Assert.Contains("is corrupt", record.Error, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), (record.Listed, record.Scored, record.Failed));
        Assert.False(Directory.Exists(Path.Combine(cache, manifest.Name, "corrupt-1")), "a corrupt download must not become a cache entry");

        // A model the registry lacks is refused at start, naming it (the API answers 400 with this message).
        var missing = await Assert.ThrowsAsync<ModelRegistryException>(() => LocalRun.ExecuteAsync(Request("missing-" + Guid.NewGuid().ToString("N")[..6], "no-such-model"), runs, connections, null, engine, ct));
        Assert.Equal(RegistryProblem.NotFound, missing.Problem);
        Assert.Contains("Model 'no-such-model' is not in the registry container", missing.Message, StringComparison.Ordinal);
    }

    /// <summary>`landuse model list` shows both versions, newest first; publishing v1 again is a no-op, other bytes as v1 are refused.</summary>
    private async Task Listed_and_immutable_through_the_cli(string registryContainer, string v1, string v2)
    {
        var (exit, listing, error) = await CliProcess.RunAsync("model", "list", "--from", registryContainer, "--connection", azurite.ConnectionString);
        Assert.True(exit == 0, error);
        var lines = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^name\s+version\s+created\s+classes\s+size$", lines[0]);
        Assert.Equal(3, lines.Length);
        var classes = string.Join(",", ModelBundle.Load(v1).Manifest.Labels);
        Assert.Matches($@"^registry-it\s+v2\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+{classes}\s+\d+\.\d MiB$", lines[1]);
        Assert.Matches($@"^registry-it\s+v1\s+", lines[2]);
        var (jsonExit, json, _) = await CliProcess.RunAsync("model", "list", "--from", registryContainer, "--connection", azurite.ConnectionString, "--json");
        Assert.Equal(0, jsonExit);
        using (var document = System.Text.Json.JsonDocument.Parse(json))
        {
            var first = document.RootElement[0];
            Assert.Equal("registry-it/v2", first.GetProperty("model").GetString());
            Assert.Equal(new FileInfo(Path.Combine(v2, ModelBundle.ModelFileName)).Length, first.GetProperty("bytes").GetInt64());
            Assert.Equal(ModelBundle.Load(v2).Manifest.Sha256, first.GetProperty("sha256").GetString());
        }

        var (againExit, again, _) = await CliProcess.RunAsync("model", "publish", v1, "--to", registryContainer, "--connection", azurite.ConnectionString);
        Assert.Equal(0, againExit);
        Assert.Contains("registry-it/v1 is already in container '" + registryContainer + "' with the same bytes; nothing to do.", again, StringComparison.Ordinal);

        // v2's model under v1's name and version: other bytes for an existing version.
        var impostor = ModelBundleWriter.WriteFromFile(_work.Combine("bundles", "impostor"), Path.Combine(v2, ModelBundle.ModelFileName), ModelBundle.Load(v2).Manifest with { Version = "v1" }).Folder;
        var (refusedExit, _, refused) = await CliProcess.RunAsync("model", "publish", impostor, "--to", registryContainer, "--connection", azurite.ConnectionString);
        Assert.Equal(2, refusedExit);
        Assert.Contains("Model 'registry-it/v1' is already in the registry container '" + registryContainer + "' with other bytes", refused, StringComparison.Ordinal);
        Assert.Contains("versions are immutable", refused, StringComparison.Ordinal);
    }

    private static string Probabilities(TableEntity row) =>
        string.Join(",", LandUse.Scoring.Labels.LabelScheme.ClassNames.Select(c => row.GetDouble("p_" + c)?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private string Copy(string bundle, string version)
    {
        var manifest = ModelBundle.Load(bundle).Manifest with { Version = version };
        return ModelBundleWriter.WriteFromFile(_work.Combine("bundles", version), Path.Combine(bundle, ModelBundle.ModelFileName), manifest).Folder;
    }

    private async Task<string> TrainAsync(string labeled, string version, int seed, CancellationToken ct)
    {
        var folder = _work.Combine("bundles", version);
        await BundleTrainer.TrainAsync(labeled, folder, new TrainOptions { Name = "registry-it", Version = version, Seed = seed, ValidationFraction = 0.25 }, null, ct);
        return folder;
    }

    private async Task<TileSourceSpec> UploadTilesAsync(string prefix, CancellationToken ct)
    {
        var files = tiles.Files().Where(f => f.Ref != TileSetFixture.BrokenTile).Take(Tiles - 1).Append(tiles.Files().Single(f => f.Ref == TileSetFixture.BrokenTile));
        var container = await TileContainers.UploadAsync(azurite, prefix, "set", files, ct);
        return TileSourceSpec.Blob(container.Name, "set", Connection);
    }

    private async Task<List<TableEntity>> RowsAsync(string runId, CancellationToken ct)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TablePredictionStore.PredictionsTable);
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {runId + "-"} and PartitionKey lt {runId + "."}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<RunRecord> LedgerAsync(string runId, CancellationToken ct)
    {
        var entity = await new TableServiceClient(azurite.ConnectionString).GetTableClient(TableRunLedger.TableName)
            .GetEntityAsync<TableEntity>(RunEntity.Partition, runId, cancellationToken: ct);
        return RunEntity.FromEntity(entity.Value);
    }
}
