using System.Diagnostics;
using System.Runtime.CompilerServices;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Inference.Staged;

namespace LandUse.Worker.Batching;

/// <summary>
/// The batcher's loop for a two-stage scorer (the CUDA one): batches of up to the scorer's batch size are decoded on
/// the CPU while the GPU runs the ones before them, through <see cref="StagedPipeline"/>'s bounded channel
/// (<c>Worker:PipelineDepth</c> decoded batches at most), so decode, not the GPU, is the only wall. The loop serves one
/// model: it ends, once its batches are through, when the queue's next tile is for another model.
/// </summary>
internal sealed partial class ScoringBatcher
{
    /// <summary>True once the pipelined loop serves the queue (a two-stage scorer is loaded).</summary>
    internal bool Pipelined { get; private set; }

    private async Task RunPipelinedAsync(IStagedTileScorer scorer, CancellationToken stoppingToken)
    {
        Pipelined = true;
        var depth = Math.Max(1, options.Value.PipelineDepth);
        LogPipelined(logger, scorer.ActiveProvider, scorer.BatchSize, depth);
        await StagedPipeline.RunAsync(
            scorer,
            GatherAsync(scorer, stoppingToken),
            batch => batch.Inputs,
            Completed,
            depth,
            stoppingToken,
            Failed).ConfigureAwait(false);
    }

    /// <summary>The queue cut into batches of <paramref name="scorer"/>'s tiles, each stamped when its decode starts; ends at another model's tile.</summary>
    private async IAsyncEnumerable<StagedBatch> GatherAsync(IStagedTileScorer scorer, [EnumeratorCancellation] CancellationToken stoppingToken)
    {
        while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            if (queue.Reader.TryPeek(out var head) && !ReferenceEquals(head.Scorer, scorer))
            {
                yield break;
            }

            var batch = await NextBatchAsync(scorer.BatchSize, stoppingToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            foreach (var pending in batch)
            {
                metrics.TileWaited(Stopwatch.GetElapsedTime(pending.EnqueuedAt, started).TotalMilliseconds);
            }

            yield return new StagedBatch(batch, [.. batch.Select(p => p.Input)], started);
        }
    }

    private void Completed(StagedBatch batch, IReadOnlyList<TilePrediction> predictions)
    {
        var failed = new bool[batch.Tiles.Count];
        for (var i = 0; i < batch.Tiles.Count; i++)
        {
            var prediction = i < predictions.Count
                ? predictions[i]
                : TilePrediction.Failed(batch.Tiles[i].Input.Ref, "The scorer returned fewer predictions than tiles.");
            failed[i] = !prediction.Succeeded;
            batch.Tiles[i].Result.TrySetResult(prediction);
        }

        Record(failed, Stopwatch.GetElapsedTime(batch.Started).TotalMilliseconds);
    }

    private void Failed(StagedBatch batch, Exception exception)
    {
        LogBatchFailed(logger, batch.Tiles.Count, exception);
        Record([.. batch.Tiles.Select(_ => true)], Stopwatch.GetElapsedTime(batch.Started).TotalMilliseconds);
        foreach (var pending in batch.Tiles)
        {
            pending.Result.TrySetResult(TilePrediction.Failed(pending.Input.Ref, $"Scoring failed: {exception.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipelined scoring on {Provider}: batches of up to {BatchSize}, {Depth} decoded batch(es) queued ahead of inference")]
    private static partial void LogPipelined(ILogger logger, string provider, int batchSize, int depth);

    /// <summary>One batch in the pipeline: its queued tiles, their inputs, and when its decode started.</summary>
    private sealed record StagedBatch(List<PendingTile> Tiles, TileInput[] Inputs, long Started);
}
