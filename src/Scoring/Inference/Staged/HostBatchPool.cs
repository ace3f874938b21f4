using System.Threading.Channels;

namespace LandUse.Scoring.Inference.Staged;

/// <summary>
/// A fixed set of host batches handed out one at a time: renting waits while every batch holds decoded tiles, which
/// bounds the memory a pipeline can use however far decode runs ahead of inference.
/// </summary>
internal sealed class HostBatchPool : IDisposable
{
    private readonly Channel<HostBatch> _free;
    private readonly List<HostBatch> _all;
    private readonly IBatchRunner _runner;

    public HostBatchPool(int count, int batchSize, int tileLength, long[] tileShape, int outputWidth, IBatchRunner runner)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _runner = runner;
        _free = Channel.CreateBounded<HostBatch>(count);
        _all = [];
        for (var i = 0; i < count; i++)
        {
            var batch = new HostBatch(batchSize, tileLength, tileShape, outputWidth);
            runner.Attach(batch);
            _all.Add(batch);
            _free.Writer.TryWrite(batch);
        }
    }

    public int Count => _all.Count;

    public ValueTask<HostBatch> RentAsync(CancellationToken cancellationToken) => _free.Reader.ReadAsync(cancellationToken);

    public void Return(HostBatch batch) => _free.Writer.TryWrite(batch);

    public void Dispose()
    {
        _free.Writer.TryComplete();
        foreach (var batch in _all)
        {
            _runner.Detach(batch);
            batch.Dispose();
        }
    }
}
