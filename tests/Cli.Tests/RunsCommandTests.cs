using System.Text.Json;
using LandUse.Scoring.Labels;
using LandUse.TestSupport;

namespace LandUse.Cli.Tests;

/// <summary>`landuse run` then `landuse runs list|status|purge` over the runs folder, through the same run control as the Functions app.</summary>
public sealed class RunsCommandTests : IDisposable
{
    private readonly TempFolder _root = new("landuse-cli-runs");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Runs_list_status_and_purge_read_and_clear_a_finished_run_of_the_runs_folder()
    {
        var tiles = _root.Combine("tiles");
        foreach (var cover in new[] { LandCover.Forest, LandCover.Developed, LandCover.Cultivated })
        {
            for (var i = 0; i < 2; i++)
            {
                _root.File(Path.Combine("tiles", cover.ToString(), $"t{i}.png"), SyntheticLabels.Png(cover, i));
            }
        }

        var runs = _root.Combine("runs");
        var bundle = await TestBundles.SmallAsync();
        var (exit, _, error) = await AnalysisRunFolders.InvokeAsync("run", tiles, "--run-id", "r1", "--model", bundle, "--runs-dir", runs, "--batch-size", "2", "--json");
        Assert.True(exit == 0, error);

        var (listExit, list, _) = await AnalysisRunFolders.InvokeAsync("runs", "list", "--runs-dir", runs);
        var (statusExit, status, _) = await AnalysisRunFolders.InvokeAsync("runs", "status", "r1", "--runs-dir", runs);
        var (jsonExit, json, _) = await AnalysisRunFolders.InvokeAsync("runs", "status", "r1", "--runs-dir", runs, "--json");

        Assert.Equal((0, 0, 0), (listExit, statusExit, jsonExit));
        Assert.Contains("r1", list, StringComparison.Ordinal);
        Assert.Contains("Completed", list, StringComparison.Ordinal);
        Assert.Contains("Run r1: Completed: 6 listed, 6 scored, 0 failed, 0 reused", status, StringComparison.Ordinal);
        Assert.Contains("accuracy 6-class", status, StringComparison.Ordinal);
        Assert.Contains($"report.html: {Path.Combine(runs, "r1", "report.html")}", status, StringComparison.Ordinal);
        using (var view = JsonDocument.Parse(json))
        {
            Assert.Equal(JsonValueKind.Object, view.RootElement.GetProperty("ledger").GetProperty("summary").ValueKind);
            Assert.Equal(6, view.RootElement.GetProperty("ledger").GetProperty("summary").GetProperty("counts").GetProperty("scored").GetInt64());
        }

        var (keepExit, kept, _) = await AnalysisRunFolders.InvokeAsync("runs", "purge", "r1", "--runs-dir", runs);
        Assert.Equal(0, keepExit);
        Assert.Contains("add --predictions", kept, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(runs, "r1")));

        var (purgeExit, purged, _) = await AnalysisRunFolders.InvokeAsync("runs", "purge", "r1", "--predictions", "--runs-dir", runs);
        Assert.Equal(0, purgeExit);
        Assert.Contains("Run r1 purged: 6 prediction rows, 1 page manifests", purged, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(runs, "r1")));

        var (goneExit, _, gone) = await AnalysisRunFolders.InvokeAsync("runs", "status", "r1", "--runs-dir", runs);
        Assert.Equal(2, goneExit);
        Assert.Contains("No run 'r1'", gone, StringComparison.Ordinal);
    }
}
