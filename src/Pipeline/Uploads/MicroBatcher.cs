using System.Threading.Channels;

namespace LandUse.Pipeline.Uploads;

/// <summary>
/// Collects items submitted concurrently (one per trigger invocation) into batches of up to <c>maxBatch</c>, waiting at
/// most <c>maxDelay</c> after the first item, and processes one batch at a time; each caller awaits its own item's result.
/// While a batch is processed the next one fills, so a burst costs few model calls and an idle instance adds one short delay.
/// </summary>
internal sealed class MicroBatcher<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> _process;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MicroBatcher(
        Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> process,
        int maxBatch,
        TimeSpan maxDelay,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        _process = process;
        _maxBatch = maxBatch;
        _maxDelay = maxDelay;
        _time = time;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the item and completes with its result, or with the exception its batch failed with.</summary>
    public Task<TResult> SubmitAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(MicroBatcher<TItem, TResult>), "The batcher is shutting down; the event will be retried.");
        }

        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            // Let queued items finish; a host stop gives the process a grace period for exactly this.
            await _loop.ConfigureAwait(false);
        }
        finally
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            _stop.Dispose();
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_maxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var deadline = _time.GetUtcNow() + _maxDelay;
            while (batch.Count < _maxBatch)
            {
                if (reader.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }

                var left = deadline - _time.GetUtcNow();
                if (left <= TimeSpan.Zero || !await WaitForMoreAsync(reader, left).ConfigureAwait(false))
                {
                    break;
                }
            }

            await ProcessAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task<bool> WaitForMoreAsync(ChannelReader<Pending> reader, TimeSpan left)
    {
        using var timeout = new CancellationTokenSource(left, _time);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ProcessAsync(List<Pending> batch)
    {
        try
        {
            var results = await _process([.. batch.Select(p => p.Item)], _stop.Token).ConfigureAwait(false);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"The batch processor returned {results.Count} results for {batch.Count} items.");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
#pragma warning disable CA1031 // Every failure goes back to the waiting invocations, which fail and are retried by the trigger.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(ex);
            }
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Result);
}
