using System.Diagnostics;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using Microsoft.Extensions.Logging;

namespace LandUse.Integration;

/// <summary>
/// 2,000 and 10,000 tiny tiles (bytes that do not decode, so scoring is instant and every tile takes the failure
/// path) through the whole orchestration: the history events the engine feeds each instance grow with pages, not
/// tiles, and the managed heap stays flat.
/// </summary>
public sealed class ListingScaleTests(ModelFixture model) : IDisposable
{
    private const int PageSize = 1000;
    private const int BatchSize = 100;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "landuse-scale-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task History_grows_per_page_not_per_tile()
    {
        var ct = TestContext.Current.CancellationToken;
        var history = new HistoryCounter();
        await using var engine = await EmbeddedEngine.StartAsync(
            new EmbeddedEngineOptions
            {
                ConfigureLogging = logging => logging
                    .AddProvider(history)
                    .AddFilter<HistoryCounter>(null, LogLevel.Trace),
            },
            ct);

        var small = await RunAsync(engine, history, "scale-2k", 2_000, ct);
        var large = await RunAsync(engine, history, "scale-10k", 10_000, ct);

        TestContext.Current.SendDiagnosticMessage(
            "2,000 tiles: {0} run events, {1} events per page, heap {2:N0} bytes; 10,000 tiles: {3} run events, {4} events per page, heap {5:N0} bytes, working set {6:N0} bytes",
            small.RunEvents, small.MaxPageEvents, small.Heap, large.RunEvents, large.MaxPageEvents, large.Heap, large.WorkingSet);
        Assert.Equal(10, large.Pages);
        // A page's history depends on its batch count only (episodes may group completions differently by a few events).
        Assert.InRange(large.MaxPageEvents, small.MaxPageEvents - 4, small.MaxPageEvents + 4);
        Assert.True(large.RunEvents - small.RunEvents <= 6 * (large.Pages - small.Pages), $"ScoreRun events: {small.RunEvents} for {small.Pages} pages, {large.RunEvents} for {large.Pages}.");
        Assert.True(large.RunEvents <= 8 * large.Pages + 24, $"ScoreRun history has {large.RunEvents} events for {large.Pages} pages.");
        Assert.True(large.MaxPageEvents <= 6 * (PageSize / BatchSize) + 16, $"A page's history has {large.MaxPageEvents} events.");
        Assert.True(large.Heap - small.Heap < 64L * 1024 * 1024, $"Managed heap grew {large.Heap - small.Heap:N0} bytes from 2,000 to 10,000 tiles.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<Figures> RunAsync(EmbeddedEngine engine, HistoryCounter history, string runId, int count, CancellationToken ct)
    {
        var folder = Path.Combine(_root, runId, "tiles");
        for (var i = 0; i < count; i++)
        {
            var group = Path.Combine(folder, $"g{i / 1000:D2}");
            Directory.CreateDirectory(group);
            await File.WriteAllBytesAsync(Path.Combine(group, $"t{i:D5}.png"), [0x89, 0x50, 0x4E, 0x47, (byte)i], ct);
        }

        var request = new RunRequest
        {
            RunId = runId,
            Source = TileSourceSpec.Local(folder),
            ModelBundle = model.BundleDir,
            Output = PredictionTarget.Files(Path.Combine(_root, runId, "runs")),
            BatchSize = BatchSize,
            MaxParallelBatches = 4,
            PageSize = PageSize,
        };
        var instanceId = await engine.StartRunAsync(request, ct);
        var outcome = await engine.WaitAsync(instanceId, null, ct);
        RunAssertions.ExactlyOnce(outcome, count, failed: count);
        RunAssertions.PredictionsCsv(outcome.RunFolder!, count);

        var runEvents = history.EventsOf(instanceId);
        var pageEvents = Enumerable.Range(0, outcome.Pages).Max(page => history.EventsOf(ScoreRunOrchestrator.PageInstanceId(instanceId, page)));
        Assert.True(runEvents > 0 && pageEvents > 0, "The engine reported no history events; the counter is not wired.");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        return new Figures(outcome.Pages, runEvents, pageEvents, GC.GetTotalMemory(forceFullCollection: true), self.WorkingSet64);
    }

    private sealed record Figures(int Pages, int RunEvents, int MaxPageEvents, long Heap, long WorkingSet);
}
