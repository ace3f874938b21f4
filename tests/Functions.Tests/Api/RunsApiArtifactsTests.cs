using System.Text.Json;
using Azure.Storage.Blobs;
using LandUse.Functions.Api;
using LandUse.Functions.Tests.Support;
using LandUse.Scoring.Labels;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Functions.Tests.Api;

/// <summary>Table-backed runs get their report too, in the results container, and their status shows running accuracy.</summary>
[Collection(FunctionsAppGroup.Name)]
public sealed class RunsApiArtifactsTests(FunctionsAppFixture app)
{
    private RunsApi Api => app.Services.GetRequiredService<RunsApi>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_completed_run_leaves_report_summary_and_predictions_under_runs_id_in_the_results_container_and_status_links_them()
    {
        await SyntheticTiles.UploadAsync(app.ConnectionString, "art-tiles", 2, LandCover.Forest, LandCover.Developed);
        var start = await HttpExchange.ExecuteAsync(await Api.StartAsync(
            HttpExchange.Request("POST", "/api/runs", """{"runId":"art-run","container":"art-tiles","batchSize":2}"""), app.Engine.Client, Ct));
        Assert.Equal(202, start.Status);

        var status = await RunStatusPoller.WaitAsync(Api, app, "art-run", "Completed");

        var results = new BlobContainerClient(app.ConnectionString, app.Targets.Options.ResultsContainer);
        var names = new List<string>();
        await foreach (var blob in results.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "runs/art-run/" }, Ct))
        {
            names.Add(blob.Name);
        }

        Assert.Contains("runs/art-run/report.html", names);
        Assert.Contains("runs/art-run/summary.json", names);
        Assert.Contains("runs/art-run/predictions.csv", names);
        Assert.Contains("runs/art-run/index.csv", names);
        var html = (await results.GetBlobClient("runs/art-run/report.html").DownloadContentAsync(Ct)).Value.Content.ToString();
        Assert.Contains("Land use run art-run", html, StringComparison.Ordinal);
        var artifacts = status.GetProperty("artifacts");
        Assert.EndsWith("/results/runs/art-run/report.html", artifacts.GetProperty("report.html").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/results/runs/art-run/summary.json", artifacts.GetProperty("summary.json").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, status.GetProperty("totals").GetProperty("scored").GetInt64());
    }

    [Fact]
    public async Task While_a_run_with_truth_scores_its_status_shows_the_running_six_and_three_class_accuracy()
    {
        await SyntheticTiles.UploadAsync(app.ConnectionString, "acc-tiles", 12, LandCover.Forest, LandCover.Cultivated);
        await HttpExchange.ExecuteAsync(await Api.StartAsync(
            HttpExchange.Request("POST", "/api/runs", """{"runId":"acc-run","container":"acc-tiles","batchSize":1,"maxParallelBatches":1}"""), app.Engine.Client, Ct));

        var running = await RunStatusPoller.WaitAsync(Api, app, "acc-run", "Running", s =>
            s.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object && p.GetProperty("accuracy6").ValueKind == JsonValueKind.Number);

        var progress = running.GetProperty("progress");
        Assert.InRange(progress.GetProperty("accuracy6").GetDouble(), 0, 1);
        Assert.InRange(progress.GetProperty("accuracy3").GetDouble(), progress.GetProperty("accuracy6").GetDouble(), 1);
        Assert.True(progress.GetProperty("withTruth").GetInt64() < 24, "the run had finished scoring when its accuracy was first shown");
        await RunStatusPoller.WaitAsync(Api, app, "acc-run", "Completed");
    }
}
