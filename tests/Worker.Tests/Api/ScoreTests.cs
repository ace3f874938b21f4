using System.Net;
using System.Net.Http.Json;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Wire;
using LandUse.Worker.Tests.Support;

namespace LandUse.Worker.Tests.Api;

public sealed class ScoreTests(SharedWorker worker)
{
    [Fact]
    public async Task Worker_results_equal_in_process_scoring_of_the_same_tiles()
    {
        var tiles = worker.Tiles;
        using var client = worker.Server.Client();

        using var response = await client.PostAsJsonAsync("v1/score", new { tiles = tiles.Refs }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<ScoreResponse>(TestContext.Current.CancellationToken);

        using var scorer = new OnnxTileScorer(await TestModel.LoadAsync(), new ScoringOptions { BatchSize = 8 });
        var expected = scorer.Score([.. tiles.Refs.Select(r => new TileInput(r, File.ReadAllBytes(tiles.PathOf(r))))], TestContext.Current.CancellationToken);

        Assert.NotNull(body);
        Assert.Equal(scorer.ModelVersion, body.ModelVersion);
        Assert.Equal(tiles.Refs, body.Results.Select(r => r.Ref));
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = body.Results[i];
            Assert.Null(actual.Error);
            Assert.Equal(expected[i].Label.ToString(), actual.Label);
            Assert.Equal(6, actual.Probabilities!.Count);
            for (var c = 0; c < 6; c++)
            {
                Assert.Equal(expected[i].Probabilities![c], actual.Probabilities[c], 1e-4f);
            }
        }
    }

    [Fact]
    public async Task Unreadable_or_forbidden_refs_become_error_rows_and_the_rest_is_scored()
    {
        var tiles = worker.Tiles;
        using var client = worker.Server.Client();
        string[] refs =
        [
            tiles.Refs[0],
            "../outside.png",
            "Forest/../../outside.png",
            "/etc/hostname",
            "Forest/missing.png",
            "corrupt.png",
            "https://someoneelse.blob.core.windows.net/tiles/a.png",
            "http://landusetiles.blob.core.windows.net/tiles/a.png",
            tiles.Refs[1],
        ];

        using var response = await client.PostAsJsonAsync("v1/score", new { tiles = refs }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var results = (await response.Content.ReadFromJsonAsync<ScoreResponse>(TestContext.Current.CancellationToken))!.Results;

        Assert.Equal(refs, results.Select(r => r.Ref));
        Assert.Null(results[0].Error);
        Assert.NotNull(results[0].Label);
        Assert.Contains("escapes the tile root", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("escapes the tile root", results[2].Error, StringComparison.Ordinal);
        Assert.Contains("relative to the tile root", results[3].Error, StringComparison.Ordinal);
        Assert.Contains("No such tile", results[4].Error, StringComparison.Ordinal);
        Assert.NotNull(results[5].Error);
        Assert.Null(results[5].Label);
        Assert.Contains("not on the configured blob service", results[6].Error, StringComparison.Ordinal);
        Assert.Contains("not on the configured blob service", results[7].Error, StringComparison.Ordinal);
        Assert.Null(results[8].Error);
    }

    [Fact]
    public async Task With_only_a_model_path_the_worker_serves_that_bundle_and_refuses_every_v1_call()
    {
        var demo = await TestModel.LoadAsync();
        await using var server = await WorkerServer.StartAsync(new Dictionary<string, string?> { ["Worker:ModelPath"] = await TestModel.PathAsync() });
        using var client = server.Client("anything");

        using var health = await client.GetAsync(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var score = await client.PostAsJsonAsync("v1/score", new { tiles = new[] { "Forest/t000.png" } }, TestContext.Current.CancellationToken);
        using var model = await client.GetAsync(new Uri("v1/model", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, score.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, model.StatusCode);
        Assert.Equal(demo.Version, server.Get<LandUse.Worker.Model.ModelHost>().Scorer?.ModelVersion);
    }
}
