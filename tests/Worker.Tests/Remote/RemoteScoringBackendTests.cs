using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Registry;
using LandUse.TestSupport;
using LandUse.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Worker.Tests.Remote;

/// <summary>Runs alone: the fault timings must not be skewed by other tests' scoring on the same two cores.</summary>
[CollectionDefinition(nameof(RemoteScoringBackendTests), DisableParallelization = true)]
public sealed class RemoteScoringRunsAlone;

[Collection(nameof(RemoteScoringBackendTests))]
public sealed class RemoteScoringBackendTests(SharedWorker worker)
{
    [Fact]
    public async Task Failed_and_stalled_calls_are_retried_and_every_tile_is_scored_exactly_once()
    {
        using var tiles = TileFolder.Create(perClass: 3);
        var faults = new FaultInjection(failing: new HashSet<int> { 1, 3 }, stalling: new HashSet<int> { 4 });
        await using var server = await WorkerServer.StartAsync(await WorkerServer.SettingsAsync(tiles.Root), beforeEndpoints: faults.Install);
        using var probe = new MetricProbe(server.Get<IMeterFactory>());
        await using var remote = RemoteBackendHarness.Create(server.Address, WorkerServer.Key);

        var predictions = await remote.Backend.ScoreAsync(new LocalFolderTileStore(tiles.Root), tiles.Refs, TestContext.Current.CancellationToken);

        using var scorer = new OnnxTileScorer(await TestModel.LoadAsync(), new ScoringOptions { BatchSize = 8 });
        var expected = scorer.Score([.. tiles.Refs.Select(r => new TileInput(r, File.ReadAllBytes(tiles.PathOf(r))))], TestContext.Current.CancellationToken);
        var calls = (tiles.Refs.Count + 3) / 4;
        Assert.Equal(tiles.Refs, predictions.Select(p => p.Ref));
        Assert.All(predictions, p => Assert.Null(p.Error));
        Assert.Equal(expected.Select(p => p.Label), predictions.Select(p => p.Label));
        Assert.Equal(calls + 3, faults.Calls);
        Assert.Equal(tiles.Refs.Count, probe.Values("landuse.worker.batch.size").Sum());
        Assert.Equal(tiles.Refs.Count, probe.Values("landuse.worker.tiles").Sum());
    }

    [Fact]
    public async Task A_worker_that_is_down_for_good_turns_the_batch_into_error_rows_without_throwing()
    {
        using var tiles = TileFolder.Create(perClass: 1);
        await using var remote = RemoteBackendHarness.Create(ClosedPort(), WorkerServer.Key);

        var predictions = await remote.Backend.ScoreAsync(new LocalFolderTileStore(tiles.Root), tiles.Refs, TestContext.Current.CancellationToken);

        Assert.Equal(tiles.Refs, predictions.Select(p => p.Ref));
        Assert.All(predictions, p =>
        {
            Assert.Null(p.Label);
            Assert.Contains("failed after retries", p.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_worker_that_keeps_answering_500_fails_only_the_calls_it_refused()
    {
        using var tiles = TileFolder.Create(perClass: 1);
        // 7 tiles in calls of 4: the first call is refused on every attempt (1 + 3 retries), the second gets through.
        var faults = new FaultInjection(failing: new HashSet<int> { 1, 2, 3, 4 }, stalling: new HashSet<int>());
        await using var server = await WorkerServer.StartAsync(await WorkerServer.SettingsAsync(tiles.Root), beforeEndpoints: faults.Install);
        await using var remote = RemoteBackendHarness.Create(server.Address, WorkerServer.Key);

        var predictions = await remote.Backend.ScoreAsync(new LocalFolderTileStore(tiles.Root), tiles.Refs, TestContext.Current.CancellationToken);

        Assert.Equal(tiles.Refs, predictions.Select(p => p.Ref));
        Assert.All(predictions.Take(4), p => Assert.Contains("500", p.Error, StringComparison.Ordinal));
        Assert.All(predictions.Skip(4), p => Assert.Null(p.Error));
        Assert.Equal(5, faults.Calls);
    }

    [Fact]
    public async Task The_model_version_comes_from_the_worker_and_a_wrong_key_is_an_error_not_a_retry_loop()
    {
        var tiles = worker.Tiles;
        await using var remote = RemoteBackendHarness.Create(worker.Server.Address, WorkerServer.Key);
        await using var stranger = RemoteBackendHarness.Create(worker.Server.Address, "not-the-key");

        var version = await remote.Backend.GetModelVersionAsync(TestContext.Current.CancellationToken);
        var refused = await stranger.Backend.ScoreAsync(new LocalFolderTileStore(tiles.Root), tiles.Refs, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await stranger.Backend.GetModelVersionAsync(TestContext.Current.CancellationToken));

        // Runs record <name>/<version>, the form a registry reference takes.
        Assert.Equal(ModelReference.Of((await TestModel.LoadAsync()).Manifest).ToString(), version);
        Assert.All(refused, p => Assert.Contains("401", p.Error, StringComparison.Ordinal));
        Assert.Contains("Scoring:SharedKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_a_worker_that_is_down_for_its_model_version_times_out_with_a_clear_error()
    {
        await using var remote = RemoteBackendHarness.Create(ClosedPort(), WorkerServer.Key);

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await remote.Backend.GetModelVersionAsync(TestContext.Current.CancellationToken));

        Assert.Contains("did not report a model version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_picks_the_backend_remote_with_an_endpoint_in_process_without()
    {
        IScoringBackendProvider Provider(params (string, string?)[] pairs)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).Build();
            return new ServiceCollection().AddLogging().AddScoringBackend(configuration).BuildServiceProvider().GetRequiredService<IScoringBackendProvider>();
        }

        Assert.IsType<RemoteScoringBackendProvider>(Provider(("Scoring:Endpoint", "http://127.0.0.1:9/"), ("Scoring:SharedKey", "k")));
        Assert.IsType<InProcessScoringBackendProvider>(Provider());
        Assert.IsType<InProcessScoringBackendProvider>(Provider(("Scoring:Endpoint", " ")));
        var missingAuth = Assert.Throws<InvalidOperationException>(() => Provider(("Scoring:Endpoint", "http://127.0.0.1:9/")));
        Assert.Contains("Scoring:Audience", missingAuth.Message, StringComparison.Ordinal);
    }

    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
