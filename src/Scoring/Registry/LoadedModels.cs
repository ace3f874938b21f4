namespace LandUse.Scoring.Registry;

/// <summary>
/// At most <see cref="Capacity"/> loaded models (ONNX Runtime sessions), least recently used first out. Each key loads
/// once however many callers ask at the same time; a failed load is not remembered, so the next caller tries again. A
/// model in use is never torn down under its caller: while every loaded model is leased the count may go over the
/// capacity, and the least recently used idle one goes as soon as a lease ends.
/// </summary>
public sealed class LoadedModels<TModel> : IDisposable
    where TModel : class, IDisposable
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _clock;
    private bool _disposed;

    /// <param name="capacity">Most models kept loaded (at least 1).</param>
    /// <param name="time">Clock for the loaded/last-used times shown by <see cref="Snapshot"/>.</param>
    public LoadedModels(int capacity, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _time = time ?? TimeProvider.System;
    }

    public int Capacity { get; }

    /// <summary>
    /// The model of <paramref name="key"/>, loading it with <paramref name="open"/> (once, whoever else waits for it, and not
    /// cancelled by any one caller) and evicting the least recently used idle one if needed.
    /// </summary>
    public async Task<ModelLease<TModel>> AcquireAsync(string key, Func<Task<TModel>> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(open);
        Entry entry;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry(key, Task.Run(open, CancellationToken.None));
                _entries[key] = entry;
            }

            entry.Leases++;
            Touch(entry);
        }

        TModel model;
        try
        {
            model = await entry.Loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                entry.Leases--;
                if (entry.Loading.IsFaulted || entry.Loading.IsCanceled)
                {
                    _entries.Remove(key);
                }
            }

            throw;
        }

        List<TModel> evicted;
        lock (_gate)
        {
            entry.LoadedAt ??= _time.GetUtcNow();
            evicted = EvictOverCapacity();
        }

        DisposeAll(evicted);
        return new ModelLease<TModel>(model, () => Release(entry));
    }

    /// <summary>The loaded models, most recently used first.</summary>
    public IReadOnlyList<LoadedModel<TModel>> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Values
                .Where(e => e.Loading.IsCompletedSuccessfully && e.LoadedAt is not null)
                .OrderByDescending(e => e.Touched)
                .Select(e => new LoadedModel<TModel>(e.Key, e.Loading.Result, e.LoadedAt!.Value, e.LastUsedAt, e.Leases))];
        }
    }

    public void Dispose()
    {
        List<TModel> all;
        lock (_gate)
        {
            _disposed = true;
            all = [.. _entries.Values.Where(e => e.Loading.IsCompletedSuccessfully).Select(e => e.Loading.Result)];
            _entries.Clear();
        }

        DisposeAll(all);
    }

    private void Release(Entry entry)
    {
        List<TModel> evicted;
        lock (_gate)
        {
            entry.Leases--;
            entry.LastUsedAt = _time.GetUtcNow();
            evicted = EvictOverCapacity();
        }

        DisposeAll(evicted);
    }

    private void Touch(Entry entry)
    {
        entry.Touched = ++_clock;
        entry.LastUsedAt = _time.GetUtcNow();
    }

    // Under the lock: idle loaded models out, least recently used first, until the count fits.
    private List<TModel> EvictOverCapacity()
    {
        var evicted = new List<TModel>();
        while (_entries.Count > Capacity)
        {
            var victim = _entries.Values
                .Where(e => e.Leases == 0 && e.Loading.IsCompletedSuccessfully)
                .MinBy(e => e.Touched);
            if (victim is null)
            {
                break;
            }

            _entries.Remove(victim.Key);
            evicted.Add(victim.Loading.Result);
        }

        return evicted;
    }

    private static void DisposeAll(List<TModel> models)
    {
        foreach (var model in models)
        {
            model.Dispose();
        }
    }

    private sealed class Entry(string key, Task<TModel> loading)
    {
        public string Key { get; } = key;

        public Task<TModel> Loading { get; } = loading;

        public int Leases { get; set; }

        public long Touched { get; set; }

        public DateTimeOffset? LoadedAt { get; set; }

        public DateTimeOffset LastUsedAt { get; set; }
    }
}

/// <summary>One loaded model as <see cref="LoadedModels{TModel}.Snapshot"/> shows it.</summary>
public sealed record LoadedModel<TModel>(string Key, TModel Model, DateTimeOffset LoadedAt, DateTimeOffset LastUsedAt, int InUse);

/// <summary>A model held for one use; disposing the lease (not the model) hands it back to <see cref="LoadedModels{TModel}"/>.</summary>
public sealed class ModelLease<TModel>(TModel model, Action release) : IDisposable
{
    private int _released;

    public TModel Model { get; } = model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
