using System.Diagnostics.Metrics;

namespace LandUse.Worker.Telemetry;

/// <summary>
/// The worker's own instruments (meter <c>LandUse.Worker</c>): tiles scored (rate = tiles/s), batch sizes,
/// queue depth and latencies, exported through OpenTelemetry.
/// </summary>
internal sealed class WorkerMetrics
{
    public const string MeterName = "LandUse.Worker";

    private readonly Counter<long> tiles;
    private readonly Counter<long> failedTiles;
    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> batchDuration;
    private readonly Histogram<double> requestDuration;
    private readonly Histogram<double> queueWait;
    private long queueDepth;

    public WorkerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        tiles = meter.CreateCounter<long>("landuse.worker.tiles", "{tile}", "Tiles scored; its rate is the worker's tiles/s.");
        failedTiles = meter.CreateCounter<long>("landuse.worker.tiles.failed", "{tile}", "Tiles that came back with an error.");
        batchSize = meter.CreateHistogram<int>("landuse.worker.batch.size", "{tile}", "Tiles per merged ONNX Runtime batch.");
        batchDuration = meter.CreateHistogram<double>("landuse.worker.batch.duration", "ms", "Time to score one merged batch.");
        requestDuration = meter.CreateHistogram<double>("landuse.worker.request.duration", "ms", "Time to answer one /v1/score call.");
        queueWait = meter.CreateHistogram<double>("landuse.worker.queue.wait", "ms", "Time a tile waited before its batch started.");
        meter.CreateObservableGauge("landuse.worker.queue.depth", () => Interlocked.Read(ref queueDepth), "{tile}", "Tiles waiting for a batch.");
    }

    public long QueueDepth => Interlocked.Read(ref queueDepth);

    public void Enqueued(int count) => Interlocked.Add(ref queueDepth, count);

    public void Dequeued(int count) => Interlocked.Add(ref queueDepth, -count);

    public void BatchScored(int size, int failed, double milliseconds)
    {
        batchSize.Record(size);
        batchDuration.Record(milliseconds);
        tiles.Add(size - failed);
        if (failed > 0)
        {
            failedTiles.Add(failed);
        }
    }

    public void ReadsFailed(int count) => failedTiles.Add(count);

    public void TileWaited(double milliseconds) => queueWait.Record(milliseconds);

    public void RequestAnswered(double milliseconds) => requestDuration.Record(milliseconds);
}
