using System.Diagnostics;
using System.Threading.Channels;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Inference.Staged;
using LandUse.Worker.Options;
using LandUse.Worker.Telemetry;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Batching;

/// <summary>
/// The one place tiles meet the models. Concurrent requests drop tiles (each with the scorer of its request's model)
/// into a queue; one loop cuts it into batches of one model of up to <c>MaxBatch</c>, waiting at most <c>MaxWaitMs</c>
/// (from the oldest tile's arrival) for a batch to fill; a tile for another model closes the batch.
/// When a backlog built up while the model was busy, up to <see cref="BacklogBatches"/> batches go to the scorer in
/// one call, so it decodes the next batch while ONNX Runtime runs the current one. A two-stage (CUDA) scorer gets the
/// pipelined loop instead (ScoringBatcher.Pipelined.cs) for as long as the queue holds its tiles: decode of the next
/// batch overlaps GPU inference of this one.
/// </summary>
internal sealed partial class ScoringBatcher(
    IOptions<WorkerOptions> options,
    WorkerMetrics metrics,
    ILogger<ScoringBatcher> logger) : BackgroundService
{
    /// <summary>Most batches handed to the scorer in one call when the queue is deep.</summary>
    public const int BacklogBatches = 4;

    private readonly Channel<PendingTile> queue = Channel.CreateUnbounded<PendingTile>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly int maxBatch = Math.Max(1, options.Value.MaxBatch);
    private readonly long maxWaitTicks = (long)(Math.Max(0, options.Value.MaxWaitMs) / 1000.0 * Stopwatch.Frequency);

    /// <summary>
    /// Queues the tiles for <paramref name="scorer"/> and completes with one prediction per tile, in order, once their
    /// batches ran. The caller keeps the scorer loaded (holds its lease) until then.
    /// </summary>
    public async Task<TilePrediction[]> ScoreAsync(ITileScorer scorer, IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken)
    {
        var results = new Task<TilePrediction>[tiles.Count];
        var now = Stopwatch.GetTimestamp();
        metrics.Enqueued(tiles.Count);
        for (var i = 0; i < tiles.Count; i++)
        {
            var pending = new PendingTile(scorer, tiles[i], new TaskCompletionSource<TilePrediction>(TaskCreationOptions.RunContinuationsAsynchronously), now, cancellationToken);
            results[i] = pending.Result.Task;
            if (!queue.Writer.TryWrite(pending))
            {
                metrics.Dequeued(1);
                pending.Result.TrySetException(new InvalidOperationException("The worker is shutting down."));
            }
        }

        return await Task.WhenAll(results).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                if (queue.Reader.TryPeek(out var head) && head.Scorer is IStagedTileScorer staged)
                {
                    await RunPipelinedAsync(staged, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var batch = await NextBatchAsync(maxBatch * BacklogBatches, stoppingToken).ConfigureAwait(false);
                if (batch.Count > 0)
                {
                    // Scoring is CPU/GPU-bound and synchronous: run it off the loop's thread.
                    await Task.Run(() => ScoreBatch(batch[0].Scorer, batch), CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Drain(pending => pending.Result.TrySetCanceled(stoppingToken));
        }
    }

    /// <summary>
    /// Takes what is queued for the first tile's model, waits for more until one batch is full or its oldest tile waited
    /// long enough, then takes whatever else of that model is already waiting, up to <paramref name="most"/> tiles; a tile
    /// for another model ends the batch (it starts the next one).
    /// </summary>
    private async Task<List<PendingTile>> NextBatchAsync(int most, CancellationToken stoppingToken)
    {
        var batch = new List<PendingTile>(maxBatch);
        var deadline = 0L;
        while (true)
        {
            if (batch.Count > 0 && queue.Reader.TryPeek(out var next) && !ReferenceEquals(next.Scorer, batch[0].Scorer))
            {
                return batch;
            }

            if (batch.Count < most && queue.Reader.TryRead(out var pending))
            {
                metrics.Dequeued(1);
                if (pending.RequestAborted.IsCancellationRequested)
                {
                    pending.Result.TrySetCanceled(pending.RequestAborted);
                    continue;
                }

                deadline = batch.Count == 0 ? pending.EnqueuedAt + maxWaitTicks : deadline;
                batch.Add(pending);
                continue;
            }

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count == 0 || batch.Count >= maxBatch || remaining <= TimeSpan.Zero)
            {
                return batch;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(remaining);
            try
            {
                if (!await queue.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                {
                    return batch;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return batch;
            }
        }
    }

    private void ScoreBatch(ITileScorer scorer, List<PendingTile> batch)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var pending in batch)
        {
            metrics.TileWaited(Stopwatch.GetElapsedTime(pending.EnqueuedAt, started).TotalMilliseconds);
        }

        try
        {
            var predictions = scorer.Score([.. batch.Select(p => p.Input)]);
            var failed = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var prediction = i < predictions.Count
                    ? predictions[i]
                    : TilePrediction.Failed(batch[i].Input.Ref, "The scorer returned fewer predictions than tiles.");
                failed[i] = !prediction.Succeeded;
                batch[i].Result.TrySetResult(prediction);
            }

            Record(failed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
#pragma warning disable CA1031 // A scorer fault fails this batch's tiles as error rows; the loop keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogBatchFailed(logger, batch.Count, ex);
            Record([.. batch.Select(_ => true)], Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var pending in batch)
            {
                pending.Result.TrySetResult(TilePrediction.Failed(pending.Input.Ref, $"Scoring failed: {ex.Message}"));
            }
        }
    }

    /// <summary>Records each ONNX Runtime batch of the call (the scorer cuts a backlog into MaxBatch-sized runs).</summary>
    private void Record(bool[] failed, double milliseconds)
    {
        var runs = (failed.Length + maxBatch - 1) / maxBatch;
        for (var run = 0; run < runs; run++)
        {
            var chunk = failed.AsSpan(run * maxBatch, Math.Min(maxBatch, failed.Length - (run * maxBatch)));
            metrics.BatchScored(chunk.Length, chunk.Count(true), milliseconds / runs);
        }

        LogBatch(logger, failed.Length, runs, milliseconds);
    }

    private void Drain(Action<PendingTile> fail)
    {
        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var left))
        {
            metrics.Dequeued(1);
            fail(left);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scored {Tiles} tiles in {Runs} batch(es) in {ElapsedMs:F1} ms")]
    private static partial void LogBatch(ILogger logger, int tiles, int runs, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring a batch of {Size} tiles failed")]
    private static partial void LogBatchFailed(ILogger logger, int size, Exception exception);
}
