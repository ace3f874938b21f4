using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;
using Microsoft.Extensions.Logging;

namespace LandUse.Scoring.Tests.Inference;

/// <summary>Batching, ordering and failure rows, on the tiny real ONNX model (fast).</summary>
public sealed class OnnxTileScorerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(32)]
    public void Every_tile_gets_one_prediction_in_input_order_whatever_the_batch(int batchSize)
    {
        using var scorer = new OnnxTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { BatchSize = batchSize });
        var tiles = MixedTiles();

        var predictions = scorer.Score(tiles, TestContext.Current.CancellationToken);

        Assert.Equal(tiles.Select(t => t.Ref), predictions.Select(p => p.Ref));
        Assert.Equal(Expected, predictions.Select(p => p.Label));
        Assert.All(predictions.Where(p => p.Succeeded), p => Assert.Equal(1f, p.Probabilities!.Sum(), 1e-5f));
        Assert.Contains("Empty", predictions[2].Error, StringComparison.Ordinal);
        Assert.Contains("'zero.png'", predictions[2].Error, StringComparison.Ordinal);
        Assert.Contains("'corrupt.png'", predictions[4].Error, StringComparison.Ordinal);
        Assert.True(predictions[6].Resized);
        Assert.False(predictions[0].Resized);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Model_calls_over_slices_of_a_batch_give_the_same_predictions_as_one_call_over_it(int modelBatch)
    {
        var bundle = TinyModel.WriteBundle(_temp.Path);
        using var whole = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = 32, ModelBatchSize = 0 });
        using var sliced = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = 32, ModelBatchSize = modelBatch });
        var ct = TestContext.Current.CancellationToken;

        var expected = whole.Score(MixedTiles(), ct);
        var actual = sliced.Score(MixedTiles(), ct);

        Assert.Equal(Expected, actual.Select(p => p.Label));
        Assert.Equal(expected.Select(p => (p.Ref, p.Label, p.Error)), actual.Select(p => (p.Ref, p.Label, p.Error)));
        Assert.All(expected.Zip(actual).Where(p => p.First.Succeeded), p =>
            Assert.All(p.First.Probabilities!.Zip(p.Second.Probabilities!), q => Assert.Equal(q.First, q.Second, 1e-5f)));
    }

    [Fact]
    public async Task Streaming_gives_the_same_predictions_as_a_list()
    {
        using var scorer = new OnnxTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { BatchSize = 3 });
        var tiles = MixedTiles();
        var listed = scorer.Score(tiles, TestContext.Current.CancellationToken);

        var streamed = new List<TilePrediction>();
        await foreach (var p in scorer.ScoreStreamAsync(tiles.ToAsyncEnumerable(), TestContext.Current.CancellationToken))
        {
            streamed.Add(p);
        }

        Assert.Equal(listed.Select(p => (p.Ref, p.Label, p.Error)), streamed.Select(p => (p.Ref, p.Label, p.Error)));
        Assert.Equal(listed[0].Probabilities!, streamed[0].Probabilities!);
    }

    [Fact]
    public async Task A_streams_last_partial_batch_is_shared_out_over_the_lanes_and_keeps_input_order()
    {
        var log = new BatchSizes();
        using var scorer = new OnnxTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { BatchSize = 8 }, log);
        var lanes = scorer.Budget!.Lanes;
        var tiles = Enumerable.Range(0, (2 * 8) + 6).Select(i => new TileInput($"t{i:D2}", Images.SolidPng(8, 8, (byte)(10 * i), 0, 0))).ToArray();

        var streamed = new List<TilePrediction>();
        await foreach (var p in scorer.ScoreStreamAsync(tiles.ToAsyncEnumerable(), TestContext.Current.CancellationToken))
        {
            streamed.Add(p);
        }

        Assert.Equal(tiles.Select(t => t.Ref), streamed.Select(p => p.Ref));
        int[] tail = [.. Enumerable.Range(0, 6).Chunk((6 + lanes - 1) / lanes).Select(c => c.Length)];
        Assert.Equal([8, 8, .. tail], log.Sizes.Order().Reverse());
    }

    [Fact]
    public void Logits_output_is_turned_into_probabilities()
    {
        var bundle = TinyModel.WriteBundle(_temp.Path, softmax: false);
        using var scorer = new OnnxTileScorer(bundle, new ScoringOptions());
        var p = scorer.Score([new TileInput("red", Images.SolidPng(8, 8, 255, 0, 0))], TestContext.Current.CancellationToken)[0];

        Assert.Equal(LandCover.Barren, p.Label);
        Assert.Equal(1f, p.Probabilities!.Sum(), 1e-5f);
        var e = MathF.E;
        Assert.Equal(e / (e + 5), p.Probabilities![0], 1e-5f);
    }

    [Fact]
    public void Probabilities_come_back_in_label_scheme_order_whatever_the_bundle_order()
    {
        var reversed = LabelScheme.ClassNames.Reverse().ToArray();
        var bundle = TinyModel.WriteBundle(_temp.Path, TinyModel.Manifest(labels: reversed));
        using var scorer = new OnnxTileScorer(bundle, new ScoringOptions());
        var p = scorer.Score([new TileInput("red", Images.SolidPng(8, 8, 255, 0, 0))], TestContext.Current.CancellationToken)[0];

        // Output 0 (red) is now named Developed.
        Assert.Equal(LandCover.Developed, p.Label);
        Assert.Equal(p.Probabilities!.Max(), p.Probabilities![(int)LandCover.Developed]);
    }

    [Fact]
    public void A_model_of_some_classes_gives_the_others_probability_zero()
    {
        var bundle = LandUse.Scoring.Bundles.ModelBundleWriter.Write(_temp.Path, TinyModel.Build(outputs: 2), TinyModel.Manifest(labels: ["Developed", "Cultivated"]));
        using var scorer = new OnnxTileScorer(bundle, new ScoringOptions());
        var p = scorer.Score([new TileInput("green", Images.SolidPng(8, 8, 0, 255, 0))], TestContext.Current.CancellationToken)[0];

        // Output 1 (green) is Cultivated; the four classes the model lacks are 0 and the six still sum to 1.
        Assert.Equal(LandCover.Cultivated, p.Label);
        Assert.Equal(6, p.Probabilities!.Count);
        Assert.Equal(1f, p.Probabilities.Sum(), 1e-5f);
        Assert.All(new[] { LandCover.Barren, LandCover.Forest, LandCover.Shrub, LandCover.Herbaceous }, c => Assert.Equal(0f, p.Probabilities[(int)c]));
    }

    [Fact]
    public void Cuda_request_without_a_gpu_falls_back_to_cpu()
    {
        using var scorer = new OnnxTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { Provider = ExecutionProvider.Cuda });
        Assert.Equal("CPU", scorer.ActiveProvider);
        Assert.Equal("tiny-1", scorer.ModelVersion);
        Assert.Equal(LandCover.Forest, scorer.Score([new TileInput("g", Images.SolidPng(8, 8, 0, 255, 0))], TestContext.Current.CancellationToken)[0].Label);
    }

    [Fact]
    public void A_fixed_batch_model_caps_the_batch_size()
    {
        var bundle = LandUse.Scoring.Bundles.ModelBundleWriter.Write(_temp.Path, TinyModel.Build(batch: 1), TinyModel.Manifest());
        using var scorer = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = 8 });
        Assert.Equal(1, scorer.BatchSize);
        Assert.Equal(7, scorer.Score(MixedTiles(), TestContext.Current.CancellationToken).Count);
    }

    private static readonly LandCover?[] Expected =
        [LandCover.Barren, LandCover.Forest, null, LandCover.Shrub, null, LandCover.Barren, LandCover.Forest];

    private static TileInput[] MixedTiles() =>
    [
        new("r.png", Images.SolidPng(8, 8, 250, 10, 10)),
        new("g.png", Images.SolidPng(8, 8, 10, 250, 10)),
        new("zero.png", Array.Empty<byte>()),
        new("b.png", Images.SolidPng(8, 8, 10, 10, 250)),
        new("corrupt.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }),
        new("r2.png", Images.SolidPng(8, 8, 200, 0, 0)),
        new("g-big.png", Images.SolidPng(20, 13, 0, 200, 0)),
    ];

    /// <summary>The size of every batch the lanes scored, from the scorer's debug log.</summary>
    private sealed class BatchSizes : ILogger<OnnxTileScorer>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<int> _sizes = new();

        public IEnumerable<int> Sizes => _sizes;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 3003 && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                _sizes.Enqueue((int)values.First(v => v.Key == "Count").Value!);
            }
        }
    }
}
