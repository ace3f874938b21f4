using LandUse.Scoring.Registry;

namespace LandUse.Scoring.Tests.Registry;

public sealed class LoadedModelsTests
{
    [Fact]
    public async Task At_capacity_the_least_recently_used_idle_model_is_unloaded()
    {
        using var loaded = new LoadedModels<Model>(2);
        var opened = new List<Model>();
        Func<Task<Model>> Open(string key) => () =>
        {
            var model = new Model(key);
            lock (opened)
            {
                opened.Add(model);
            }

            return Task.FromResult(model);
        };

        (await loaded.AcquireAsync("a", Open("a"), TestContext.Current.CancellationToken)).Dispose();
        (await loaded.AcquireAsync("b", Open("b"), TestContext.Current.CancellationToken)).Dispose();
        (await loaded.AcquireAsync("a", Open("a"), TestContext.Current.CancellationToken)).Dispose(); // a is now the most recently used
        (await loaded.AcquireAsync("c", Open("c"), TestContext.Current.CancellationToken)).Dispose();

        Assert.Equal(["c", "a"], loaded.Snapshot().Select(m => m.Key));
        Assert.Equal(["a", "b", "c"], opened.Select(m => m.Key));
        Assert.True(opened[1].Disposed, "b, the least recently used, is unloaded");
        Assert.False(opened[0].Disposed || opened[2].Disposed);
    }

    [Fact]
    public async Task A_model_in_use_is_never_unloaded_under_its_caller_and_goes_once_released()
    {
        using var loaded = new LoadedModels<Model>(1);
        var a = await loaded.AcquireAsync("a", () => Task.FromResult(new Model("a")), TestContext.Current.CancellationToken);
        using (var b = await loaded.AcquireAsync("b", () => Task.FromResult(new Model("b")), TestContext.Current.CancellationToken))
        {
            // Both leased: over capacity for now, nothing torn down.
            Assert.Equal(2, loaded.Snapshot().Count);
            Assert.False(a.Model.Disposed);
            a.Dispose();
            Assert.True(a.Model.Disposed, "a, idle and least recently used, goes as soon as it is released");
            Assert.False(b.Model.Disposed);
        }

        Assert.Equal(["b"], loaded.Snapshot().Select(m => m.Key));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_load_and_a_failed_load_is_tried_again()
    {
        using var loaded = new LoadedModels<Model>(2);
        var gate = new TaskCompletionSource();
        var loads = 0;
        async Task<Model> Slow()
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return new Model("a");
        }

        var first = loaded.AcquireAsync("a", Slow, TestContext.Current.CancellationToken);
        var second = loaded.AcquireAsync("a", Slow, TestContext.Current.CancellationToken);
        gate.SetResult();
        using var one = await first;
        using var two = await second;
        Assert.Same(one.Model, two.Model);
        Assert.Equal(1, loads);
        Assert.Equal(2, loaded.Snapshot().Single().InUse);

        var failing = 0;
        await Assert.ThrowsAsync<InvalidDataException>(() => loaded.AcquireAsync("bad", () => Interlocked.Increment(ref failing) == 1 ? throw new InvalidDataException("no") : Task.FromResult(new Model("bad")), TestContext.Current.CancellationToken));
        using var retried = await loaded.AcquireAsync("bad", () => Interlocked.Increment(ref failing) == 1 ? throw new InvalidDataException("no") : Task.FromResult(new Model("bad")), TestContext.Current.CancellationToken);
        Assert.Equal("bad", retried.Model.Key);
        Assert.Equal(2, failing);
    }

    private sealed class Model(string key) : IDisposable
    {
        public string Key { get; } = key;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
