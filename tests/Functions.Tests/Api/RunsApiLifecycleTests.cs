using System.Text.Json;
using LandUse.Functions.Api;
using LandUse.Functions.Tests.Support;
using LandUse.Scoring.Labels;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Functions.Tests.Api;

[Collection(FunctionsAppGroup.Name)]
public sealed class RunsApiLifecycleTests(FunctionsAppFixture app)
{
    private RunsApi Api => app.Services.GetRequiredService<RunsApi>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_then_status_then_summary_scores_every_tile_and_reports_accuracy()
    {
        await SyntheticTiles.UploadAsync(app.ConnectionString, "e2e-tiles", 2, LandCover.Forest, LandCover.Developed, LandCover.Cultivated);

        var start = await HttpExchange.ExecuteAsync(await Api.StartAsync(
            HttpExchange.Request("POST", "/api/runs", """{"runId":"e2e-run","container":"e2e-tiles","batchSize":2}"""), app.Engine.Client, Ct));

        Assert.Equal(202, start.Status);
        Assert.Equal("https://landuse.example/api/runs/e2e-run", start.Headers.Location.ToString());
        Assert.Equal("e2e-run", start.Text("runId"));
        var links = start.Body.GetProperty("links");
        Assert.Equal("https://landuse.example/api/runs/e2e-run/summary", links.GetProperty("summary").GetString());
        Assert.Equal("https://landuse.example/api/runs/e2e-run/cancel", links.GetProperty("cancel").GetString());

        var status = await WaitForStatusAsync("e2e-run", "Completed");
        Assert.Equal("Completed", status.GetProperty("progress").GetProperty("phase").GetString());
        Assert.Equal(6, status.GetProperty("totals").GetProperty("scored").GetInt64());

        var summary = await HttpExchange.ExecuteAsync(await Api.GetSummaryAsync(app.Engine.Client, "e2e-run", Ct));
        Assert.Equal(200, summary.Status);
        Assert.Equal("e2e-run", summary.Text("runId"));
        Assert.Equal(6, summary.Body.GetProperty("withTruth").GetInt64());
        Assert.Equal(JsonValueKind.Object, summary.Body.GetProperty("metrics6").ValueKind);
        Assert.Equal(JsonValueKind.Object, summary.Body.GetProperty("development").ValueKind);
    }

    [Fact]
    public async Task A_second_start_of_an_active_run_id_is_a_409_and_cancel_then_delete_clear_it()
    {
        // Forty one-tile batches scored one at a time: long enough that the run is still active for the second start and the cancel.
        await SyntheticTiles.UploadAsync(app.ConnectionString, "dup-tiles", 20, LandCover.Forest, LandCover.Barren);
        const string body = """{"runId":"dup-run","container":"dup-tiles","batchSize":1,"maxParallelBatches":1}""";

        var first = await HttpExchange.ExecuteAsync(await Api.StartAsync(HttpExchange.Request("POST", "/api/runs", body), app.Engine.Client, Ct));
        var second = await HttpExchange.ExecuteAsync(await Api.StartAsync(HttpExchange.Request("POST", "/api/runs", body), app.Engine.Client, Ct));

        Assert.Equal(202, first.Status);
        Assert.Equal(409, second.Status);
        Assert.Equal("application/problem+json", second.ContentType);
        Assert.Equal("dup-run", second.Text("runId"));

        // Cancel once scoring is under way (the ledger row exists), so the delete below has every kind of row to remove.
        await WaitForStatusAsync("dup-run", "Running", status => status.GetProperty("totals").ValueKind == JsonValueKind.Object);
        var cancel = await HttpExchange.ExecuteAsync(await Api.CancelAsync(HttpExchange.Request("POST", "/api/runs/dup-run/cancel"), app.Engine.Client, "dup-run", Ct));
        Assert.Equal(202, cancel.Status);
        await WaitForStatusAsync("dup-run", "Terminated");

        var delete = await HttpExchange.ExecuteAsync(await Api.PurgeAsync(
            HttpExchange.Request("DELETE", "/api/runs/dup-run", query: "?predictions=true"), app.Engine.Client, "dup-run", Ct));
        Assert.Equal(200, delete.Status);
        Assert.True(delete.Body.GetProperty("purgedInstances").GetInt32() >= 1);
        Assert.True(delete.Body.GetProperty("deletedLedgerRow").GetBoolean());

        var gone = await HttpExchange.ExecuteAsync(await Api.GetStatusAsync(HttpExchange.Request("GET", "/api/runs/dup-run"), app.Engine.Client, "dup-run", Ct));
        Assert.Equal(404, gone.Status);
        var rows = 0;
        await foreach (var _ in app.Predictions.ReadRunAsync("dup-run", 1, Ct))
        {
            rows++;
        }

        Assert.Equal(0, rows);
    }

    private Task<JsonElement> WaitForStatusAsync(string runId, string wanted, Func<JsonElement, bool>? until = null) =>
        RunStatusPoller.WaitAsync(Api, app, runId, wanted, until);
}
