using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Inference.Staged;
using LandUse.Scoring.Wire;
using LandUse.Worker.Batching;
using LandUse.Worker.Model;
using LandUse.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Worker.Tests.Batching;

/// <summary>
/// The pipelined loop the worker runs on CUDA (decode of the next batch overlapping inference of this one, through a
/// bounded channel), driven here by the same two-stage scorer on the CPU provider and the real demo model: the answers
/// are the one-stage scorer's, batches stay within MaxBatch, and bad tiles are still error rows.
/// </summary>
public sealed class PipelinedBatchingTests
{
    [Fact]
    public async Task The_pipelined_loop_answers_like_in_process_scoring_for_concurrent_requests()
    {
        using var tiles = TileFolder.Create(perClass: 3);
        File.WriteAllText(tiles.PathOf("corrupt.png"), "this is not a png");
        var settings = await WorkerServer.SettingsAsync(tiles.Root, ("Worker:MaxBatch", "4"), ("Worker:MaxWaitMs", "20"), ("Worker:PipelineDepth", "1"));
        var bundle = await TestModel.LoadAsync();
        await using var server = await WorkerServer.StartAsync(settings, services: s => s.AddSingleton<IScorerSource>(new StagedSource(bundle, 4, depth: 1)));
        using var probe = new MetricProbe(server.Get<IMeterFactory>());
        using var client = server.Client();
        string[] refs = [.. tiles.Refs, "corrupt.png"];

        var calls = refs.Chunk(3).Select(async chunk =>
        {
            using var response = await client.PostAsJsonAsync("v1/score", new { tiles = chunk }, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<ScoreResponse>(TestContext.Current.CancellationToken))!.Results;
        }).ToArray();
        var results = (await Task.WhenAll(calls)).SelectMany(r => r).ToList();

        using var reference = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = 8 });
        var expected = reference.Score([.. refs.Select(r => new TileInput(r, File.ReadAllBytes(tiles.PathOf(r))))], TestContext.Current.CancellationToken);
        Assert.True(server.Get<ScoringBatcher>().Pipelined);
        Assert.Equal(refs, results.Select(r => r.Ref));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Label?.ToString(), results[i].Label);
            Assert.Equal(expected[i].Error is null, results[i].Error is null);
            for (var c = 0; c < (expected[i].Probabilities?.Count ?? 0); c++)
            {
                Assert.Equal(expected[i].Probabilities![c], results[i].Probabilities![c], 1e-4f);
            }
        }

        Assert.Contains("corrupt.png", results[^1].Error, StringComparison.Ordinal);
        var batches = probe.Values("landuse.worker.batch.size");
        Assert.All(batches, size => Assert.InRange(size, 1, 4));
        Assert.Equal(refs.Length, batches.Sum());
    }

    /// <summary>The two-stage scorer the worker loads for CUDA, opened on the CPU provider.</summary>
    private sealed class StagedSource(ModelBundle bundle, int batchSize, int depth) : IScorerSource
    {
        public Task<ITileScorer> LoadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<ITileScorer>(new StagedTileScorer(bundle, new ScoringOptions { BatchSize = batchSize }, depth));
    }
}
