using System.Text.Json.Nodes;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Models;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Integration;

/// <summary>
/// Faults between a run's start and its end that must not change its rows: a batch activity that throws (retried by the
/// orchestration's retry policy, same rows as a clean run), and a model bundle replaced between two runs of one id (the
/// new version rescoring every tile, none reused).
/// </summary>
public sealed class TransientFaultTests(ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private readonly TempFolder _work = new("landuse-faults");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Batches_whose_scoring_throws_once_are_retried_and_give_the_same_rows_as_a_clean_run()
    {
        var clean = await LocalRun.ExecuteAsync(Request("clean", model.BundleDir), _work.Combine("clean"), new StorageConnections(), null, null, Ct);
        var faults = new ThrowingOnce(new HashSet<int> { 1, 3, 4 });
        var engine = new EmbeddedEngineOptions
        {
            ConfigureServices = services => services.AddSingleton<IScoringBackendProvider>(sp =>
                new ThrowingProvider(new InProcessScoringBackendProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), sp.GetRequiredService<ScoringOptions>()), faults)),
        };

        var faulted = await LocalRun.ExecuteAsync(Request("faulted", model.BundleDir), _work.Combine("faulted"), new StorageConnections(), null, engine, Ct);

        Assert.Equal(3, faults.Thrown);
        RunAssertions.ExactlyOnce(faulted, TileSetFixture.TileCount, failed: 1);
        var expected = RunAssertions.PredictionsCsv(clean.RunFolder!, TileSetFixture.TileCount).ToDictionary(r => r.Path, StringComparer.Ordinal);
        var actual = RunAssertions.PredictionsCsv(faulted.RunFolder!, TileSetFixture.TileCount);
        Assert.All(actual, row =>
        {
            var before = expected[row.Path];
            Assert.Equal(before.Label, row.Label);
            Assert.Equal(before.Error, row.Error);
            Assert.Equal(before.Probabilities, row.Probabilities);
        });
        TestContext.Current.SendDiagnosticMessage("{0} transient activity faults injected; tiles lost 0", faults.Thrown);
    }

    [Fact]
    public async Task A_bundle_replaced_between_two_runs_of_one_id_rescores_every_tile_with_the_new_version()
    {
        var bundle = _work.Combine("bundle");
        CopyFolder(model.BundleDir, bundle);
        var request = Request("replaced", bundle);
        var first = await LocalRun.ExecuteAsync(request, _work.Combine("runs"), new StorageConnections(), null, null, Ct);
        Assert.Equal(model.ModelVersion, first.ModelVersion);

        // Same folder, new contents: a retrained model under a new version (the weights are the same, which is all
        // resume can see: the version).
        var manifestPath = Path.Combine(bundle, ModelBundle.ManifestFileName);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, Ct))!;
        manifest["version"] = manifest["version"]!.GetValue<string>() + "-retrained"; // runs record <name>/<version>
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString(), Ct);

        var second = await LocalRun.ExecuteAsync(request, _work.Combine("runs"), new StorageConnections(), null, null, Ct);

        Assert.Equal(model.ModelVersion + "-retrained", second.ModelVersion);
        RunAssertions.ExactlyOnce(second, TileSetFixture.TileCount, failed: 1);
        Assert.Equal(0, second.Skipped);
        RunAssertions.PredictionsCsv(second.RunFolder!, TileSetFixture.TileCount);

        // The rescored rows were stored under the new version: a third run reuses every one.
        var third = await LocalRun.ExecuteAsync(request, _work.Combine("runs"), new StorageConnections(), null, null, Ct);
        Assert.Equal(TileSetFixture.TileCount - 1, third.Skipped);
    }

    private RunRequest Request(string runId, string bundle) => new()
    {
        RunId = runId,
        Source = TileSourceSpec.Local(tiles.Folder),
        ModelBundle = bundle,
        Output = PredictionTarget.Files(_work.Combine(runId == "replaced" ? "runs" : runId)),
        BatchSize = 32,
        MaxParallelBatches = 2,
        PageSize = 128,
    };

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    /// <summary>Counts scoring calls across the run and throws on the chosen ones (1-based), as a storage or worker blip would.</summary>
    private sealed class ThrowingOnce(IReadOnlySet<int> failingCalls)
    {
        private int _calls;
        private int _thrown;

        public int Thrown => Volatile.Read(ref _thrown);

        public void MaybeThrow()
        {
            if (failingCalls.Contains(Interlocked.Increment(ref _calls)))
            {
                Interlocked.Increment(ref _thrown);
                throw new IOException("Injected transient fault: the connection was reset.");
            }
        }
    }

    private sealed class ThrowingProvider(IScoringBackendProvider inner, ThrowingOnce faults) : IScoringBackendProvider
    {
        public IScoringBackend Get(ModelSource model) => new ThrowingBackend(inner.Get(model), faults);
    }

    private sealed class ThrowingBackend(IScoringBackend inner, ThrowingOnce faults) : IScoringBackend
    {
        public ValueTask<string> GetModelVersionAsync(CancellationToken cancellationToken) => inner.GetModelVersionAsync(cancellationToken);

        public Task<IReadOnlyList<TilePrediction>> ScoreAsync(ITileStore store, IReadOnlyList<string> tileRefs, CancellationToken cancellationToken)
        {
            faults.MaybeThrow();
            return inner.ScoreAsync(store, tileRefs, cancellationToken);
        }
    }
}
