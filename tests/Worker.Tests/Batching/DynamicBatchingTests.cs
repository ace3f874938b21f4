using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using LandUse.Scoring.Wire;
using LandUse.Worker.Tests.Support;

namespace LandUse.Worker.Tests.Batching;

public sealed class DynamicBatchingTests
{
    [Fact]
    public async Task Concurrent_requests_are_merged_into_fewer_batches_and_each_gets_its_own_results()
    {
        using var tiles = TileFolder.Create(perClass: 2);
        var settings = await WorkerServer.SettingsAsync(tiles.Root, ("Worker:MaxBatch", "64"), ("Worker:MaxWaitMs", "400"));
        await using var server = await WorkerServer.StartAsync(settings);
        using var probe = new MetricProbe(server.Get<IMeterFactory>());
        using var client = server.Client();

        var calls = tiles.Refs.Select(async tileRef =>
        {
            using var response = await client.PostAsJsonAsync("v1/score", new { tiles = new[] { tileRef } }, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<ScoreResponse>(TestContext.Current.CancellationToken))!;
        }).ToArray();
        var answers = await Task.WhenAll(calls);

        var batches = probe.Values("landuse.worker.batch.size");
        Assert.Equal(tiles.Refs, answers.Select(a => Assert.Single(a.Results).Ref));
        Assert.All(answers, a => Assert.Null(a.Results[0].Error));
        Assert.Equal(tiles.Refs.Count, batches.Sum());
        Assert.True(batches.Count <= tiles.Refs.Count / 2, $"{tiles.Refs.Count} single-tile requests ran in {batches.Count} batches ({string.Join(", ", batches)}).");
        Assert.Equal(tiles.Refs.Count, probe.Values("landuse.worker.tiles").Sum());
    }

    [Fact]
    public async Task A_request_larger_than_max_batch_is_split_into_full_batches()
    {
        using var tiles = TileFolder.Create(perClass: 2);
        var settings = await WorkerServer.SettingsAsync(tiles.Root, ("Worker:MaxBatch", "4"), ("Worker:MaxWaitMs", "50"));
        await using var server = await WorkerServer.StartAsync(settings);
        using var probe = new MetricProbe(server.Get<IMeterFactory>());
        using var client = server.Client();

        using var response = await client.PostAsJsonAsync("v1/score", new { tiles = tiles.Refs }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<ScoreResponse>(TestContext.Current.CancellationToken);

        var batches = probe.Values("landuse.worker.batch.size");
        Assert.Equal(tiles.Refs, body!.Results.Select(r => r.Ref));
        Assert.All(batches, size => Assert.InRange(size, 1, 4));
        Assert.Equal(tiles.Refs.Count, batches.Sum());
        Assert.Equal((tiles.Refs.Count + 3) / 4, batches.Count);
    }
}
