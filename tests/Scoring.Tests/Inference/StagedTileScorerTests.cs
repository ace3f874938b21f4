using LandUse.Scoring.Inference;
using LandUse.Scoring.Inference.Staged;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Inference;

/// <summary>
/// The GPU worker's two-stage scorer, run here on the CPU provider (the CUDA runner is the only part a GPU is needed
/// for): the same predictions as the one-stage scorer, bounded host memory, and a pipeline that keeps order and
/// survives a failed batch.
/// </summary>
public sealed class StagedTileScorerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(32)]
    public void Scores_like_the_one_stage_scorer_error_rows_included(int batchSize)
    {
        var bundle = TinyModel.WriteBundle(_temp.Path);
        using var reference = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = batchSize });
        using var staged = new StagedTileScorer(bundle, new ScoringOptions { BatchSize = batchSize });
        var tiles = Tiles(11);

        var expected = reference.Score(tiles, TestContext.Current.CancellationToken);
        var actual = staged.Score(tiles, TestContext.Current.CancellationToken);

        Assert.Equal(expected.Select(p => (p.Ref, p.Label, p.Error, p.Resized)), actual.Select(p => (p.Ref, p.Label, p.Error, p.Resized)));
        Assert.All(expected.Zip(actual).Where(p => p.First.Succeeded), p => Assert.Equal(p.First.Probabilities!, p.Second.Probabilities!));
        Assert.Contains(actual, p => !p.Succeeded);
        Assert.Equal("CPU", staged.ActiveProvider);
        Assert.Null(staged.ProviderFallback);
    }

    [Fact]
    public async Task Streaming_gives_the_same_predictions_as_a_list()
    {
        using var staged = new StagedTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { BatchSize = 4 });
        var tiles = Tiles(10);
        var listed = staged.Score(tiles, TestContext.Current.CancellationToken);

        var streamed = new List<TilePrediction>();
        await foreach (var p in staged.ScoreStreamAsync(tiles.ToAsyncEnumerable(), TestContext.Current.CancellationToken))
        {
            streamed.Add(p);
        }

        Assert.Equal(listed.Select(p => (p.Ref, p.Label, p.Error)), streamed.Select(p => (p.Ref, p.Label, p.Error)));
    }

    [Fact]
    public async Task Decoding_waits_while_every_host_batch_holds_decoded_tiles()
    {
        using var staged = new StagedTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { BatchSize = 2 }, depth: 1);
        var ct = TestContext.Current.CancellationToken;
        var held = new List<DecodedTiles>();
        for (var i = 0; i < staged.Buffers; i++)
        {
            held.Add(await staged.DecodeAsync(Tiles(2), ct));
        }

        var waiting = staged.DecodeAsync(Tiles(2), ct).AsTask();
        await Task.Delay(200, ct);
        Assert.False(waiting.IsCompleted, $"a decode started with all {staged.Buffers} host batches held");

        var first = staged.Infer(held[0]);
        var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(3, staged.Buffers);
        Assert.Equal(2, first.Count);
        Assert.Equal(2, staged.Infer(next).Count);
        held.Skip(1).ToList().ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task A_batch_is_refused_by_a_scorer_that_did_not_decode_it_and_larger_batches_are_refused()
    {
        var bundle = TinyModel.WriteBundle(_temp.Path);
        using var one = new StagedTileScorer(bundle, new ScoringOptions { BatchSize = 2 });
        using var other = new StagedTileScorer(bundle, new ScoringOptions { BatchSize = 2 });
        using var decoded = await one.DecodeAsync(Tiles(2), TestContext.Current.CancellationToken);

        Assert.Throws<ArgumentException>(() => other.Infer(decoded));
        await Assert.ThrowsAsync<ArgumentException>(() => one.DecodeAsync(Tiles(3), TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(2, one.Infer(decoded).Count);
        Assert.Throws<ObjectDisposedException>(() => one.Infer(decoded));
    }

    [Fact]
    public async Task The_pipeline_completes_batches_in_order_with_at_most_depth_plus_two_in_flight()
    {
        const int depth = 2;
        using var staged = new StagedTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { BatchSize = 3 }, depth);
        var batches = Enumerable.Range(0, 12).Select(i => Tiles(3, seed: i)).ToList();
        var done = new List<int>();
        var pulled = 0;
        var mostInFlight = 0;

        async IAsyncEnumerable<int> Source()
        {
            for (var i = 0; i < batches.Count; i++)
            {
                pulled++;
                lock (done)
                {
                    mostInFlight = Math.Max(mostInFlight, pulled - done.Count);
                }

                yield return i;
                await Task.Yield();
            }
        }

        await StagedPipeline.RunAsync(
            staged,
            Source(),
            i => batches[i],
            (i, predictions) =>
            {
                Thread.Sleep(20);
                Assert.Equal(batches[i].Select(t => t.Ref), predictions.Select(p => p.Ref));
                lock (done)
                {
                    done.Add(i);
                }
            },
            depth,
            TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, 12), done);
        Assert.InRange(mostInFlight, 1, depth + 2);
    }

    [Fact]
    public async Task A_failed_batch_fails_alone_and_the_pipeline_goes_on()
    {
        using var staged = new StagedTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { BatchSize = 2 });
        var done = new List<int>();
        var failed = new List<(int, string)>();

        await StagedPipeline.RunAsync(
            staged,
            Enumerable.Range(0, 5).ToAsyncEnumerable(),
            i => i == 2 ? throw new InvalidOperationException("batch 2 is broken") : Tiles(2, seed: i),
            (i, _) => done.Add(i),
            depth: 1,
            TestContext.Current.CancellationToken,
            (i, ex) => failed.Add((i, ex.Message)));

        Assert.Equal([0, 1, 3, 4], done);
        Assert.Equal([(2, "batch 2 is broken")], failed);
    }

    /// <summary>Solid tiles of the three colours the tiny model tells apart, with an empty and a corrupt one among them.</summary>
    private static TileInput[] Tiles(int count, int seed = 0) =>
    [
        .. Enumerable.Range(0, count).Select(i => ((i + seed) % 5) switch
        {
            0 => new TileInput($"r{seed}-{i}.png", Images.SolidPng(8, 8, 250, 10, 10)),
            1 => new TileInput($"g{seed}-{i}.png", Images.SolidPng(8, 8, 10, 250, 10)),
            2 => new TileInput($"b{seed}-{i}.png", Images.SolidPng(12, 9, 10, 10, 250)),
            3 => new TileInput($"empty{seed}-{i}.png", Array.Empty<byte>()),
            _ => new TileInput($"corrupt{seed}-{i}.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3 }),
        }),
    ];
}
