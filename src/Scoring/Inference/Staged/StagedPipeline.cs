using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LandUse.Scoring.Inference.Staged;

/// <summary>
/// Overlaps the two stages of a <see cref="IStagedTileScorer"/>: one loop decodes batch after batch on the CPU and
/// writes them to a bounded channel (at most <c>depth</c> waiting, so memory stays bounded and a slow device holds
/// decode back), another runs inference on them in order. With decode faster than the device the device never waits;
/// otherwise decode is the only wall. Each batch completes with its predictions, or with the exception that failed it
/// (the pipeline goes on with the next batch).
/// </summary>
public static class StagedPipeline
{
    public static async Task RunAsync<TBatch>(
        IStagedTileScorer scorer,
        IAsyncEnumerable<TBatch> batches,
        Func<TBatch, IReadOnlyList<TileInput>> tilesOf,
        Action<TBatch, IReadOnlyList<TilePrediction>> completed,
        int depth,
        CancellationToken cancellationToken,
        Action<TBatch, Exception>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(tilesOf);
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        failed ??= (_, ex) => throw new InvalidOperationException($"A batch failed in the staged pipeline: {ex.Message}", ex);
        var decoded = Channel.CreateBounded<(TBatch Batch, DecodedTiles? Tiles, Exception? Error)>(
            new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        // A failed inference loop stops decoding too, or decode would wait forever on a full channel.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Inference runs on a thread of its own: it is synchronous and must not wait behind decode work on the pool.
        var infer = Task.Factory.StartNew(
            async () =>
            {
                try
                {
                    await InferAll(scorer, decoded.Reader, completed, failed, stop.Token).ConfigureAwait(false);
                }
                catch
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();
        try
        {
            await foreach (var batch in batches.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                DecodedTiles? tiles = null;
                Exception? error = null;
                try
                {
                    tiles = await scorer.DecodeAsync(tilesOf(batch), stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    error = ex;
                }

                try
                {
                    await decoded.Writer.WriteAsync((batch, tiles, error), stop.Token).ConfigureAwait(false);
                }
                catch
                {
                    tiles?.Dispose();
                    throw;
                }
            }
        }
        catch (OperationCanceledException) when (infer.IsFaulted && !cancellationToken.IsCancellationRequested)
        {
            // The inference loop's own exception is the one to report; awaiting it below throws it.
        }
        finally
        {
            decoded.Writer.TryComplete();
            try
            {
                await infer.ConfigureAwait(false);
            }
            finally
            {
                // Batches decoded but never run (cancellation, a failed loop) give their host buffers back.
                while (decoded.Reader.TryRead(out var left))
                {
                    left.Tiles?.Dispose();
                }
            }
        }
    }

    /// <summary>Cuts a stream of tiles into batches of at most <paramref name="size"/>.</summary>
    public static async IAsyncEnumerable<TileInput[]> ChunkAsync(IAsyncEnumerable<TileInput> tiles, int size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var chunk = new List<TileInput>(size);
        await foreach (var tile in tiles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(tile);
            if (chunk.Count == size)
            {
                yield return [.. chunk];
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    private static async Task InferAll<TBatch>(
        IStagedTileScorer scorer,
        ChannelReader<(TBatch Batch, DecodedTiles? Tiles, Exception? Error)> decoded,
        Action<TBatch, IReadOnlyList<TilePrediction>> completed,
        Action<TBatch, Exception> failed,
        CancellationToken cancellationToken)
    {
        while (await decoded.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (decoded.TryRead(out var item))
            {
                if (item.Tiles is null)
                {
                    failed(item.Batch, item.Error!);
                    continue;
                }

                IReadOnlyList<TilePrediction> predictions;
                try
                {
                    predictions = scorer.Infer(item.Tiles);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    item.Tiles.Dispose();
                    failed(item.Batch, ex);
                    continue;
                }

                completed(item.Batch, predictions);
            }
        }
    }
}
