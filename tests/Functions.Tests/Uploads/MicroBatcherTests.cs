using LandUse.Functions.Uploads;

namespace LandUse.Functions.Tests.Uploads;

public sealed class MicroBatcherTests
{
    [Fact]
    public async Task Concurrent_submissions_are_processed_together_and_each_gets_its_own_result()
    {
        var batches = new List<int>();
        await using var batcher = new MicroBatcher<int, int>(
            (items, _) => { lock (batches) { batches.Add(items.Count); } return Task.FromResult<IReadOnlyList<int>>([.. items.Select(i => i * 10)]); },
            maxBatch: 8, maxDelay: TimeSpan.FromSeconds(2), TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => batcher.SubmitAsync(i, TestContext.Current.CancellationToken)));

        Assert.Equal(Enumerable.Range(1, 8).Select(i => i * 10), results);
        Assert.Equal([8], batches); // full batch flushed at once, long before the 2 s delay
    }

    [Fact]
    public async Task A_burst_larger_than_the_batch_size_is_split_into_full_batches()
    {
        var batches = new List<int>();
        await using var batcher = new MicroBatcher<int, int>(
            (items, _) => { lock (batches) { batches.Add(items.Count); } return Task.FromResult<IReadOnlyList<int>>([.. items]); },
            maxBatch: 4, maxDelay: TimeSpan.FromMilliseconds(200), TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => batcher.SubmitAsync(i, TestContext.Current.CancellationToken)));

        Assert.Equal(10, batches.Sum());
        Assert.All(batches, size => Assert.InRange(size, 1, 4));
        Assert.True(batches.Count <= 4, $"10 items in batches of 4 took {batches.Count} calls");
    }

    [Fact]
    public async Task A_lone_item_is_processed_after_the_delay_without_waiting_for_company()
    {
        await using var batcher = new MicroBatcher<int, int>(
            (items, _) => Task.FromResult<IReadOnlyList<int>>([.. items]), maxBatch: 32, maxDelay: TimeSpan.FromMilliseconds(50), TimeProvider.System);

        var result = await batcher.SubmitAsync(7, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(7, result);
    }

    [Fact]
    public async Task A_failing_batch_fails_every_waiting_submission_and_the_next_batch_still_runs()
    {
        var calls = 0;
        await using var batcher = new MicroBatcher<int, int>(
            (items, _) => Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("storage down")
                : Task.FromResult<IReadOnlyList<int>>([.. items]),
            maxBatch: 2, maxDelay: TimeSpan.FromSeconds(1), TimeProvider.System);

        var first = batcher.SubmitAsync(1, TestContext.Current.CancellationToken);
        var second = batcher.SubmitAsync(2, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal("storage down", error.Message);

        Assert.Equal(3, await batcher.SubmitAsync(3, TestContext.Current.CancellationToken));
    }
}
