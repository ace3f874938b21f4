using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Models;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Registry;
using LandUse.Scoring.Wire;
using LandUse.TestSupport;
using LandUse.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Worker.Tests.Models;

/// <summary>
/// A worker with no model of its own and a registry on Azurite: requests name their model, which it downloads, verifies,
/// scores with and keeps loaded (one session at most here); GET /v1/models lists what is loaded.
/// </summary>
public sealed class RegistryModelTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TempFolder _work = new("landuse-worker-registry");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_request_naming_a_registry_model_is_scored_with_it_and_the_least_recently_used_session_is_unloaded()
    {
        var (container, demo) = await PublishAsync("a", "b");
        using var tiles = TileFolder.Create(perClass: 1);
        await using var server = await StartAsync(container, tiles.Root);
        using var client = server.Client();

        var reply = await ScoreAsync(client, tiles.Refs, $"{demo.Manifest.Name}/a");
        var listedA = await client.GetFromJsonAsync<ModelList>(new Uri("v1/models", UriKind.Relative), WireJson.Options, Ct);
        var newest = await ScoreAsync(client, tiles.Refs, demo.Manifest.Name);
        var listedB = await client.GetFromJsonAsync<ModelList>(new Uri("v1/models", UriKind.Relative), WireJson.Options, Ct);

        using var scorer = new OnnxTileScorer(demo, new ScoringOptions { BatchSize = 8 });
        var expected = scorer.Score([.. tiles.Refs.Select(r => new TileInput(r, File.ReadAllBytes(tiles.PathOf(r))))], Ct);
        Assert.Equal($"{demo.Manifest.Name}/a", reply.Model);
        Assert.Equal("a", reply.ModelVersion);
        Assert.Equal(expected.Select(p => p.Label.ToString()), reply.Results.Select(r => r.Label));
        Assert.Equal($"{demo.Manifest.Name}/b", newest.Model);
        var loaded = Assert.Single(listedA!.Models);
        Assert.Equal(($"{demo.Manifest.Name}/a", "registry", demo.Manifest.Sha256, "CPU", 0), (loaded.Model, loaded.Source, loaded.Sha256, loaded.Provider, loaded.InUse));
        Assert.Equal(demo.Manifest.Labels, loaded.Labels);
        Assert.Equal(1, listedB!.MaxLoaded);
        Assert.Equal([$"{demo.Manifest.Name}/b"], listedB.Models.Select(m => m.Model));
    }

    [Fact]
    public async Task Models_it_cannot_score_with_are_refused_naming_them_unknown_404_corrupt_422_invalid_400()
    {
        var (container, demo) = await PublishAsync("good", "broken");
        var corrupt = await File.ReadAllBytesAsync(demo.ModelPath, Ct);
        corrupt[^1] ^= 0xFF;
        await container.GetBlobClient($"{demo.Manifest.Name}/broken/model.onnx").UploadAsync(BinaryData.FromBytes(corrupt), overwrite: true, Ct);
        await using var server = await StartAsync(container, null);
        using var client = server.Client();

        var (unknown, unknownDetail) = await LoadAsync(client, $"{demo.Manifest.Name}/v9");
        var (broken, brokenDetail) = await LoadAsync(client, $"{demo.Manifest.Name}/broken");
        var (invalid, invalidDetail) = await LoadAsync(client, "a/b/c");
        using var unnamed = await client.PostAsJsonAsync("v1/score", new { tiles = new[] { "x.png" } }, Ct);
        using var scoreUnknown = await client.PostAsJsonAsync("v1/score", new { tiles = new[] { "x.png" }, model = "nowhere" }, Ct);
        var (good, _) = await LoadAsync(client, $"{demo.Manifest.Name}/good");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains($"Model '{demo.Manifest.Name}/v9' is not in the registry container", unknownDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken);
        Assert.Contains($"Model '{demo.Manifest.Name}/broken' in the registry container '{container.Name}' is corrupt: model.onnx hashes to", brokenDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Contains("more than one '/'", invalidDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("name a registry model in 'model'", await unnamed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, scoreUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good);
        Assert.False(Directory.Exists(Path.Combine(_work.Path, "cache", demo.Manifest.Name, "broken")));
    }

    [Fact]
    public async Task The_pipelines_remote_backend_learns_the_pinned_version_from_the_worker_and_fails_at_once_on_a_corrupt_model()
    {
        var (container, demo) = await PublishAsync("v1", "broken");
        var corrupt = await File.ReadAllBytesAsync(demo.ModelPath, Ct);
        corrupt[^1] ^= 0xFF;
        await container.GetBlobClient($"{demo.Manifest.Name}/broken/model.onnx").UploadAsync(BinaryData.FromBytes(corrupt), overwrite: true, Ct);
        await using var server = await StartAsync(container, null);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scoring:Endpoint"] = server.Address.ToString(),
            ["Scoring:SharedKey"] = WorkerServer.Key,
            ["Scoring:ReadyTimeout"] = "00:05:00",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddScoringBackend(configuration).BuildServiceProvider();
        var backends = services.GetRequiredService<IScoringBackendProvider>();
        var registry = ModelRegistryLocation.Blob(container.Name, null);

        var pinned = await backends.Get(new ModelSource(demo.Manifest.Name + "/v1", registry)).GetModelVersionAsync(Ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ModelRegistryException>(async () => await backends.Get(new ModelSource(demo.Manifest.Name + "/broken", registry)).GetModelVersionAsync(Ct));

        Assert.Equal($"{demo.Manifest.Name}/v1", pinned);
        Assert.Equal(RegistryProblem.Corrupt, error.Problem);
        Assert.Contains("is corrupt: model.onnx hashes to", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"a corrupt model must fail at once, not after the ready timeout ({clock.Elapsed})");
    }

    private async Task<(BlobContainerClient Container, ModelBundle Demo)> PublishAsync(params string[] versions)
    {
        var demo = await TestModel.LoadAsync();
        var container = new BlobContainerClient(azurite.ConnectionString, "models-" + Guid.NewGuid().ToString("N")[..10]);
        var registry = new ModelRegistry(container);
        foreach (var version in versions)
        {
            var copy = ModelBundleWriter.WriteFromFile(_work.Combine("bundles", version), demo.ModelPath, demo.Manifest with { Version = version });
            await registry.PublishAsync(copy.Folder, Ct);
            await Task.Delay(20, Ct); // distinct publish times: the last published is the newest
        }

        return (container, ModelBundle.Load(_work.Combine("bundles", versions[^1])));
    }

    private Task<WorkerServer> StartAsync(BlobContainerClient container, string? tilesRoot) =>
        WorkerServer.StartAsync(new Dictionary<string, string?>
        {
            ["Worker:Auth:SharedKey"] = WorkerServer.Key,
            ["Worker:Tiles:Root"] = tilesRoot,
            ["Worker:Models:ConnectionString"] = azurite.ConnectionString,
            ["Worker:Models:Container"] = container.Name,
            ["Worker:Models:CacheFolder"] = _work.Combine("cache"),
            ["Worker:Models:MaxLoaded"] = "1",
        });

    private static async Task<ScoreResponse> ScoreAsync(HttpClient client, IReadOnlyList<string> refs, string model)
    {
        using var response = await client.PostAsJsonAsync("v1/score", new { tiles = refs, model }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ScoreResponse>(WireJson.Options, Ct))!;
    }

    private static async Task<(HttpStatusCode Status, string Detail)> LoadAsync(HttpClient client, string model)
    {
        using var response = await client.PostAsJsonAsync("v1/models", new { model }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (response.IsSuccessStatusCode)
        {
            return (response.StatusCode, text);
        }

        using var problem = JsonDocument.Parse(text);
        return (response.StatusCode, problem.RootElement.GetProperty("detail").GetString()!);
    }
}
