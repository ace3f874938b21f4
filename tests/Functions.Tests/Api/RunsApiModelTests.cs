using Azure.Storage.Blobs;
using LandUse.Functions.Api;
using LandUse.Functions.Tests.Support;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Registry;
using LandUse.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Functions.Tests.Api;

/// <summary><c>POST /api/runs</c> with <c>model</c>: a registry model in the app's <c>models</c> container, pinned at start; one it lacks is a 400 naming it.</summary>
[Collection(FunctionsAppGroup.Name)]
public sealed class RunsApiModelTests(FunctionsAppFixture app) : IDisposable
{
    private readonly TempFolder _bundles = new("landuse-fn-models");

    private RunsApi Api => app.Services.GetRequiredService<RunsApi>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _bundles.Dispose();

    [Fact]
    public async Task A_model_the_registry_lacks_is_a_400_problem_naming_it()
    {
        await SyntheticTiles.UploadAsync(app.ConnectionString, "model-missing-tiles", 1, LandCover.Forest);

        var reply = await HttpExchange.ExecuteAsync(await Api.StartAsync(
            HttpExchange.Request("POST", "/api/runs", """{"runId":"no-model-run","container":"model-missing-tiles","model":"no-such-model/v3"}"""), app.Engine.Client, Ct));

        Assert.Equal(400, reply.Status);
        Assert.Equal("model", reply.Text("field"));
        Assert.Contains("Model 'no-such-model/v3' is not in the registry", reply.Text("detail"), StringComparison.Ordinal);
        var status = await HttpExchange.ExecuteAsync(await Api.GetStatusAsync(HttpExchange.Request("GET", "/api/runs/no-model-run"), app.Engine.Client, "no-model-run", Ct));
        Assert.Equal(404, status.Status);
    }

    [Fact]
    public async Task A_run_naming_a_registry_model_by_name_scores_with_its_newest_version_and_records_it()
    {
        await SyntheticTiles.UploadAsync(app.ConnectionString, "model-named-tiles", 2, LandCover.Forest, LandCover.Developed);
        var demo = ModelBundle.Load(await TestBundles.DemoAsync());
        var registry = new ModelRegistry(new BlobContainerClient(app.ConnectionString, app.Targets.Options.ModelsContainer));
        foreach (var version in new[] { "fn-1", "fn-2" })
        {
            var copy = ModelBundleWriter.WriteFromFile(_bundles.Combine(version), demo.ModelPath, demo.Manifest with { Name = "fn-model", Version = version });
            await registry.PublishAsync(copy.Folder, Ct);
            await Task.Delay(20, Ct);
        }

        var start = await HttpExchange.ExecuteAsync(await Api.StartAsync(
            HttpExchange.Request("POST", "/api/runs", """{"runId":"named-model-run","container":"model-named-tiles","model":"fn-model","batchSize":2}"""), app.Engine.Client, Ct));
        Assert.Equal(202, start.Status);
        var status = await RunStatusPoller.WaitAsync(Api, app, "named-model-run", "Completed");

        Assert.Equal("fn-model/fn-2", status.GetProperty("totals").GetProperty("modelVersion").GetString());
        var rows = new List<string>();
        await foreach (var row in app.Predictions.ReadRunAsync("named-model-run", 1, Ct))
        {
            rows.Add(row.ModelVersion);
        }

        Assert.Equal(4, rows.Count);
        Assert.All(rows, v => Assert.Equal("fn-model/fn-2", v));
    }
}
