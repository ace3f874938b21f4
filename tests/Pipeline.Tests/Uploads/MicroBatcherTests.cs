using LandUse.Pipeline.Uploads;
using Microsoft.Extensions.Time.Testing;

namespace LandUse.Pipeline.Tests.Uploads;

/// <summary>The upload micro-batcher on a fake clock: batches flush when full at once, and when not full only once the delay has passed.</summary>
public sealed class MicroBatcherTests
{
    [Fact]
    public async Task Concurrent_submissions_are_processed_together_and_each_gets_its_own_result()
    {
        var time = new FakeTimeProvider();
        var batches = new List<int>();
        await using var batcher = new MicroBatcher<int, int>(
            (items, _) => { lock (batches) { batches.Add(items.Count); } return Task.FromResult<IReadOnlyList<int>>([.. items.Select(i => i * 10)]); },
            maxBatch: 8, maxDelay: TimeSpan.FromSeconds(2), time);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => batcher.SubmitAsync(i, TestContext.Current.CancellationToken)))
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => i * 10), results);
        Assert.Equal([8], batches); // a full batch is flushed at once: the clock never moved
    }

    [Fact]
    public async Task A_burst_larger_than_the_batch_size_is_split_into_full_batches()
    {
        var time = new FakeTimeProvider();
        var batches = new List<int>();
        await using var batcher = new MicroBatcher<int, int>(
            (items, _) => { lock (batches) { batches.Add(items.Count); } return Task.FromResult<IReadOnlyList<int>>([.. items]); },
            maxBatch: 4, maxDelay: TimeSpan.FromMilliseconds(200), time);

        await DriveAsync(time, Task.WhenAll(Enumerable.Range(0, 10).Select(i => batcher.SubmitAsync(i, TestContext.Current.CancellationToken))), TimeSpan.FromMilliseconds(200));

        Assert.Equal(10, batches.Sum());
        Assert.All(batches, size => Assert.InRange(size, 1, 4));
        Assert.True(batches.Count <= 4, $"10 items in batches of 4 took {batches.Count} calls");
    }

    [Fact]
    public async Task A_lone_item_waits_for_the_delay_and_is_then_processed_without_company()
    {
        var time = new FakeTimeProvider();
        await using var batcher = new MicroBatcher<int, int>(
            (items, _) => Task.FromResult<IReadOnlyList<int>>([.. items]), maxBatch: 32, maxDelay: TimeSpan.FromMilliseconds(50), time);

        var result = batcher.SubmitAsync(7, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(result.IsCompleted, "the batch was flushed before its delay passed on the clock");

        time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(7, await result.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failing_batch_fails_every_waiting_submission_and_the_next_batch_still_runs()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        await using var batcher = new MicroBatcher<int, int>(
            (items, _) => Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("storage down")
                : Task.FromResult<IReadOnlyList<int>>([.. items]),
            maxBatch: 2, maxDelay: TimeSpan.FromSeconds(1), time);

        var first = batcher.SubmitAsync(1, TestContext.Current.CancellationToken);
        var second = batcher.SubmitAsync(2, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal("storage down", error.Message);

        Assert.Equal(3, await DriveAsync(time, batcher.SubmitAsync(3, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(1)));
    }

    /// <summary>Moves the fake clock on, one delay at a time, until the task completes.</summary>
    private static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan step)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
