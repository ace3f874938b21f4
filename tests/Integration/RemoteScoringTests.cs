using System.Diagnostics.Metrics;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;
using LandUse.Worker.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LandUse.Integration;

/// <summary>
/// A full run whose ScoreBatch activities score through a real scoring worker on loopback, reading the tiles from an
/// Azurite container itself; the worker refuses and stalls some calls. Results must equal an in-process run.
/// </summary>
public sealed class RemoteScoringTests(AzuriteFixture azurite, ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private const string Connection = "azurite";
    private const string Key = "integration-shared-key";
    private readonly string _runsDir = Path.Combine(Path.GetTempPath(), "landuse-runs-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_run_scored_on_the_worker_through_500s_and_stalls_equals_the_in_process_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var container = await TileContainers.UploadAsync(azurite, "remote", "set", tiles.Files(), ct);
        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);

        // Call 2 answers 500, call 5 stalls past the attempt timeout: both must be retried, neither scores twice.
        var faults = new FaultInjection(failing: [2], stalling: [5]);
        await using var worker = await StartWorkerAsync(faults, ct);
        var scoring = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scoring:Endpoint"] = worker.Urls.Single(),
            ["Scoring:SharedKey"] = Key,
            ["Scoring:MaxTilesPerCall"] = "16",
            ["Scoring:AttemptTimeout"] = "00:00:20",
            ["Scoring:TotalTimeout"] = "00:02:00",
            ["Scoring:MaxRetries"] = "3",
            ["Scoring:RetryDelay"] = "00:00:00.100",
        }).Build();
        var remoteRequest = Request("remote", container.Name);
        var localRequest = Request("local", container.Name);
        var meterFactory = worker.Services.GetRequiredService<IMeterFactory>();
        var scored = 0L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Name == "landuse.worker.batch.size")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => Interlocked.Add(ref scored, size));
        listener.Start();

        var remote = await LocalRun.ExecuteAsync(
            remoteRequest, _runsDir, connections, null, new EmbeddedEngineOptions { ConfigureServices = s => s.AddScoringBackend(scoring) }, ct);
        var local = await LocalRun.ExecuteAsync(localRequest, _runsDir, connections, null, null, ct);

        RunAssertions.ExactlyOnce(remote, TileSetFixture.TileCount, failed: 1);
        RunAssertions.ExactlyOnce(local, TileSetFixture.TileCount, failed: 1);
        Assert.Equal(model.ModelVersion, remote.ModelVersion);
        Assert.Equal(TileSetFixture.TileCount, Interlocked.Read(ref scored));
        Assert.True(faults.Calls >= ((TileSetFixture.TileCount + 15) / 16) + 2, $"only {faults.Calls} calls reached the worker");
        var remoteRows = RunAssertions.PredictionsCsv(remote.RunFolder!, TileSetFixture.TileCount).ToDictionary(r => r.Path, StringComparer.Ordinal);
        var localRows = RunAssertions.PredictionsCsv(local.RunFolder!, TileSetFixture.TileCount);
        foreach (var expected in localRows)
        {
            var actual = remoteRows[expected.Path];
            Assert.Equal(expected.Label, actual.Label);
            Assert.Equal(expected.Error is null, actual.Error is null);
            for (var c = 0; c < (expected.Probabilities?.Count ?? 0); c++)
            {
                Assert.Equal(expected.Probabilities![c], actual.Probabilities![c], 1e-4f);
            }
        }
    }

    [Fact]
    public async Task A_run_whose_worker_goes_down_for_good_completes_with_its_tiles_as_error_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = tiles.Files().Where(f => f.Ref != TileSetFixture.BrokenTile).Take(40).ToList();
        var container = await TileContainers.UploadAsync(azurite, "down", "set", files, ct);

        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);

        // The worker reports its model version at the start of the run, then shuts down at the first score call.
        var faults = new FaultInjection([], [], shutDownOnScore: true);
        await using var worker = await StartWorkerAsync(faults, ct);
        var scoring = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scoring:Endpoint"] = worker.Urls.Single(),
            ["Scoring:SharedKey"] = Key,
            ["Scoring:MaxRetries"] = "2",
            ["Scoring:RetryDelay"] = "00:00:00.050",
        }).Build();

        var outcome = await LocalRun.ExecuteAsync(
            Request("down", container.Name), _runsDir, connections, null, new EmbeddedEngineOptions { ConfigureServices = s => s.AddScoringBackend(scoring) }, ct);

        RunAssertions.ExactlyOnce(outcome, files.Count, failed: files.Count);
        var rows = RunAssertions.PredictionsCsv(outcome.RunFolder!, files.Count);
        Assert.All(rows, r => Assert.Contains("worker", r.Error, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        if (Directory.Exists(_runsDir))
        {
            Directory.Delete(_runsDir, recursive: true);
        }
    }

    private RunRequest Request(string name, string container) => new()
    {
        RunId = name + "-" + Guid.NewGuid().ToString("N")[..6],
        Source = TileSourceSpec.Blob(container, "set", Connection),
        ModelBundle = model.BundleDir,
        Output = PredictionTarget.Files(_runsDir),
        BatchSize = 16,
        MaxParallelBatches = 4,
        PageSize = 100,
    };

    private async Task<WebApplication> StartWorkerAsync(FaultInjection faults, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:ModelPath"] = model.BundleDir,
            ["Worker:Auth:SharedKey"] = Key,
            ["Worker:Tiles:ConnectionString"] = azurite.ConnectionString,
            ["Worker:MaxBatch"] = "32",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddScoringWorker();
        var app = builder.Build();
        faults.Install(app);
        app.MapScoringWorker();
        await app.StartAsync(ct);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), ct);
            if (ready.StatusCode == System.Net.HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The scoring worker did not turn ready within 3 minutes.");
            await Task.Delay(100, ct);
        }

        return app;
    }
}
