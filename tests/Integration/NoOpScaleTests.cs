using System.Diagnostics;
using LandUse.Analysis.Summaries;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Backends.NoOp;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Pipeline.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LandUse.Integration;

/// <summary>
/// 100,000 tiny files through the local pipeline with the no-op scorer (every tile read, no model): the run completes
/// with exact counts, ScoreRun continues as new every <see cref="PagesPerGeneration"/> pages so no generation's history
/// holds more than a generation's pages, and a page's history depends on its batches, not on how many pages came before.
/// </summary>
public sealed class NoOpScaleTests(ModelFixture model) : IDisposable
{
    private const int Tiles = 100_000;
    private const int PageSize = 1000;
    private const int BatchSize = 100;
    private const int PagesPerGeneration = 10;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "landuse-noop-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Hundred_thousand_tiles_complete_exactly_once_with_history_bounded_per_generation()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(_root, "tiles");
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47];
        Parallel.For(0, Tiles / PageSize, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, g =>
        {
            var group = Directory.CreateDirectory(Path.Combine(folder, $"g{g:D3}")).FullName;
            for (var i = g * PageSize; i < (g + 1) * PageSize; i++)
            {
                File.WriteAllBytes(Path.Combine(group, $"t{i:D6}.png"), bytes);
            }
        });

        var history = new HistoryCounter();
        await using var engine = await EmbeddedEngine.StartAsync(
            new EmbeddedEngineOptions
            {
                ConfigureServices = services => services.AddSingleton<IScoringBackendProvider>(new NoOpScoringBackendProvider()),
                ConfigureLogging = logging => logging.AddProvider(history).AddFilter<HistoryCounter>(null, LogLevel.Trace),
            },
            ct);
        var request = new RunRequest
        {
            RunId = "noop-100k",
            Source = TileSourceSpec.Local(folder),
            ModelBundle = model.BundleDir,
            Output = PredictionTarget.Files(Path.Combine(_root, "runs")),
            BatchSize = BatchSize,
            PageSize = PageSize,
            PagesPerGeneration = PagesPerGeneration,
        };
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var instanceId = await engine.StartRunAsync(request, ct);
        var outcome = await engine.WaitAsync(instanceId, null, ct);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        RunAssertions.ExactlyOnce(outcome, Tiles, failed: 0);
        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(Tiles / PageSize, outcome.Pages);
        var rows = RunAssertions.PredictionsCsv(outcome.RunFolder!, Tiles);
        Assert.All(rows.Take(1000), r => Assert.Equal(NoOpScoringBackend.PredictionFor(r.Path).Label, r.Label));
        var summary = RunSummary.FromJson(await File.ReadAllTextAsync(Path.Combine(outcome.RunFolder!, "summary.json"), ct));
        Assert.Equal(Tiles, summary.Counts.Listed);
        Assert.Equal(Tiles, summary.Counts.Scored);
        Assert.Equal(Tiles, summary.PredictedByClass.Values.Sum());

        var progress = (await engine.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct))!.ReadCustomStatusAs<RunProgress>()!;
        var generations = history.GenerationsOf(instanceId);
        var pageEvents = Enumerable.Range(0, outcome.Pages).Select(p => history.EventsOf(ScoreRunOrchestrator.PageInstanceId(instanceId, p))).ToArray();
        using var self = Process.GetCurrentProcess();
        TestContext.Current.TestOutputHelper?.WriteLine(
            "100,000 no-op tiles: {0} generations with {1} ScoreRun events each, page events {2}..{3}, managed heap {4:N0} -> {5:N0} bytes, peak working set {6:N0} bytes",
            generations.Count, string.Join("/", generations), pageEvents.Min(), pageEvents.Max(), heapBefore, heapAfter, self.PeakWorkingSet64);

        var expectedGenerations = Tiles / PageSize / PagesPerGeneration;
        Assert.Equal(expectedGenerations - 1, progress.Generation);
        Assert.True(expectedGenerations == generations.Count, $"ScoreRun events per generation: {string.Join("/", generations)}.");

        // Each generation lists and drains at most PagesPerGeneration pages: a few events per page plus start-up and hand-over.
        Assert.All(generations, events => Assert.InRange(events, 1, (8 * PagesPerGeneration) + 24));
        Assert.True(pageEvents.Min() > 0, "The engine reported no page history; the counter is not wired.");
        Assert.True(pageEvents.Max() <= (6 * (PageSize / BatchSize)) + 16, $"A page's history has {pageEvents.Max()} events.");
        Assert.True(heapAfter - heapBefore < 64L * 1024 * 1024, $"Managed heap grew {heapAfter - heapBefore:N0} bytes over the run.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
