using System.Diagnostics;
using System.Threading.Channels;
using LandUse.Scoring.Inference;
using LandUse.Worker.Model;
using LandUse.Worker.Options;
using LandUse.Worker.Telemetry;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Batching;

/// <summary>
/// The one place tiles meet the model: concurrent requests drop tiles into a queue, a gathering loop cuts it into
/// batches of up to <c>MaxBatch</c> (waiting at most <c>MaxWaitMs</c> for a batch to fill), and a scoring loop runs
/// them. The next batch is gathered while the current one scores, so the device never waits on the queue.
/// </summary>
internal sealed partial class ScoringBatcher(
    ModelHost model,
    IOptions<WorkerOptions> options,
    WorkerMetrics metrics,
    ILogger<ScoringBatcher> logger) : BackgroundService
{
    private readonly Channel<PendingTile> queue = Channel.CreateUnbounded<PendingTile>(
        new UnboundedChannelOptions { SingleReader = true });

    // One batch in hand while one scores: gathering overlaps scoring without piling batches up.
    private readonly Channel<List<PendingTile>> batches = Channel.CreateBounded<List<PendingTile>>(
        new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });

    private readonly int maxBatch = Math.Max(1, options.Value.MaxBatch);
    private readonly TimeSpan maxWait = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.MaxWaitMs));

    /// <summary>Queues the tiles and completes with one prediction per tile, in order, once their batches ran.</summary>
    public async Task<TilePrediction[]> ScoreAsync(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken)
    {
        var results = new Task<TilePrediction>[tiles.Count];
        var now = Stopwatch.GetTimestamp();
        metrics.Enqueued(tiles.Count);
        for (var i = 0; i < tiles.Count; i++)
        {
            var pending = new PendingTile(tiles[i], new TaskCompletionSource<TilePrediction>(TaskCreationOptions.RunContinuationsAsynchronously), now, cancellationToken);
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
        ITileScorer scorer;
        try
        {
            scorer = await model.WhenReady.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The model host reports load failures; the batcher then fails whatever was queued.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            queue.Writer.TryComplete();
            await foreach (var pending in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                metrics.Dequeued(1);
                pending.Result.TrySetException(new InvalidOperationException("The model is not available.", ex));
            }

            return;
        }

        var gathering = GatherAsync(stoppingToken);
        var scoring = ScoreBatchesAsync(scorer, stoppingToken);
        await Task.WhenAll(gathering, scoring).ConfigureAwait(false);
    }

    private async Task GatherAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                var batch = await NextBatchAsync(stoppingToken).ConfigureAwait(false);
                if (batch.Count > 0)
                {
                    await batches.Writer.WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            batches.Writer.TryComplete();
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var left))
            {
                metrics.Dequeued(1);
                left.Result.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>Takes what is queued, then waits for more until the batch is full or its oldest tile waited long enough.</summary>
    private async Task<List<PendingTile>> NextBatchAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingTile>(maxBatch);
        var deadline = 0L;
        while (batch.Count < maxBatch)
        {
            if (queue.Reader.TryRead(out var pending))
            {
                metrics.Dequeued(1);
                if (pending.RequestAborted.IsCancellationRequested)
                {
                    pending.Result.TrySetCanceled(pending.RequestAborted);
                    continue;
                }

                if (batch.Count == 0)
                {
                    deadline = pending.EnqueuedAt + (long)(maxWait.TotalSeconds * Stopwatch.Frequency);
                }

                batch.Add(pending);
                continue;
            }

            if (batch.Count == 0)
            {
                break;
            }

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(remaining);
            try
            {
                if (!await queue.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        return batch;
    }

    private async Task ScoreBatchesAsync(ITileScorer scorer, CancellationToken stoppingToken)
    {
        await foreach (var batch in batches.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                foreach (var pending in batch)
                {
                    pending.Result.TrySetCanceled(stoppingToken);
                }

                continue;
            }

            // Scoring is CPU/GPU-bound and synchronous: keep it off the gathering loop's thread.
            await Task.Run(() => ScoreBatch(scorer, batch), CancellationToken.None).ConfigureAwait(false);
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
            var failed = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var prediction = i < predictions.Count
                    ? predictions[i]
                    : TilePrediction.Failed(batch[i].Input.Ref, "The scorer returned fewer predictions than tiles.");
                failed += prediction.Succeeded ? 0 : 1;
                batch[i].Result.TrySetResult(prediction);
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            metrics.BatchScored(batch.Count, failed, elapsed);
            LogBatch(logger, batch.Count, failed, elapsed);
        }
#pragma warning disable CA1031 // A scorer fault fails this batch's tiles as error rows; the loop keeps serving.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogBatchFailed(logger, batch.Count, ex);
            metrics.BatchScored(batch.Count, batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var pending in batch)
            {
                pending.Result.TrySetResult(TilePrediction.Failed(pending.Input.Ref, $"Scoring failed: {ex.Message}"));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scored a batch of {Size} tiles ({Failed} failed) in {ElapsedMs:F1} ms")]
    private static partial void LogBatch(ILogger logger, int size, int failed, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring a batch of {Size} tiles failed")]
    private static partial void LogBatchFailed(ILogger logger, int size, Exception exception);
}
