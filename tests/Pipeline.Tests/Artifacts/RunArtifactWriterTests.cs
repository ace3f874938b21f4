using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Artifacts;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Artifacts;

/// <summary>Every run's artifacts through one sink; a report that cannot be drawn is a warning, never a failure.</summary>
public sealed class RunArtifactWriterTests
{
    [Fact]
    public async Task A_run_gets_predictions_index_summary_report_and_maps_in_its_sink()
    {
        using var folder = new TempFolder();
        var rows = new[] { Row("2016/r0000_c0000.png", 0, 0), Row("2016/r0000_c0001.png", 0, 1) };

        var summary = await RunArtifactWriter.WriteAsync(new FolderArtifactSink(folder.Path), Async(rows), Summary(rows), TestContext.Current.CancellationToken);

        Assert.Null(summary.Warnings);
        Assert.Equal(
            new[] { RunFiles.Index, RunFiles.Map, RunFiles.MapSmoothed, RunFiles.Predictions, RunFiles.Report, RunFiles.Summary }.Order(StringComparer.Ordinal),
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, PredictionCsv.ReadFile(folder.Combine(RunFiles.Predictions)).Count);
    }

    [Fact]
    public async Task A_grid_too_large_to_draw_is_a_warning_in_the_summary_and_every_other_file_is_written()
    {
        using var folder = new TempFolder();
        var rows = new[] { Row("a.png", 0, 0), Row("b.png", 100_000, 100_000) };

        var summary = await RunArtifactWriter.WriteAsync(new FolderArtifactSink(folder.Path), Async(rows), Summary(rows), TestContext.Current.CancellationToken);

        var warning = Assert.Single(summary.Warnings!);
        Assert.StartsWith("Maps not drawn:", warning, StringComparison.Ordinal);
        Assert.Equal(warning, Assert.Single(RunSummary.FromJson(await File.ReadAllTextAsync(folder.Combine(RunFiles.Summary), TestContext.Current.CancellationToken)).Warnings!));
        Assert.True(File.Exists(folder.Combine(RunFiles.Report)));
        Assert.True(File.Exists(folder.Combine(RunFiles.Predictions)));
        Assert.False(File.Exists(folder.Combine(RunFiles.Map)));
    }

    private static PredictionRow Row(string path, int row, int col) =>
        new(path, LandCover.Forest, [0, 1, 0, 0, 0, 0], null) { Row = row, Col = col, Truth = LandCover.Forest, ModelVersion = "m", SourceVersion = "v" };

    private static RunSummary Summary(IEnumerable<PredictionRow> rows) =>
        RunSummaryBuilder.Build(new RunTotals { RunId = "r1", Listed = rows.Count(), Counts = TileCounts.FromRows(rows, 0) });

    private static async IAsyncEnumerable<PredictionRow> Async(IEnumerable<PredictionRow> rows)
    {
        await Task.Yield();
        foreach (var row in rows)
        {
            yield return row;
        }
    }
}
