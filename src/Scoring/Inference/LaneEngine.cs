using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference;

/// <summary>
/// CPU scoring in lanes (<see cref="CoreBudget"/>): each lane decodes a batch into its own buffer with its own threads
/// and then runs the model on it, and the lanes run at once, so one lane's decode overlaps another's inference while
/// lanes × intra-op threads never exceed the cores. One session serves all lanes when a lane has one thread (ONNX
/// Runtime sessions take concurrent Run calls); wider lanes get a session each, since concurrent runs of one session
/// share its intra-op pool. Safe for concurrent callers: <see cref="RunBatchAsync"/> waits for a free lane.
/// </summary>
internal sealed class LaneEngine : IDisposable
{
    private readonly InferenceSession[] _sessions;
    private readonly ConcurrentBag<Lane> _free = [];
    private readonly SemaphoreSlim _available;
    private readonly Lane[] _lanes;
    private readonly ILogger _logger;

    public LaneEngine(Func<int, InferenceSession> openSession, string provider, string inputName, string outputName, int outputWidth, InputSpec spec,
        ScoringOptions options, int batchSize, CoreBudget budget, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(openSession);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ActiveProvider = provider;
        BatchSize = batchSize;
        OutputWidth = outputWidth;
        Budget = budget;
        _logger = logger ?? NullLogger.Instance;
        _sessions = budget.IntraOpThreads == 1
            ? [openSession(0)]
            : [.. Enumerable.Range(0, budget.Lanes).Select(openSession)];
        var decoder = new TileDecoder(spec, options);
        long[] tileShape = [3, spec.Height, spec.Width];
        _lanes = [.. Enumerable.Range(0, budget.Lanes).Select(i => new Lane(
            _sessions[i % _sessions.Length], decoder, budget.IntraOpThreads, ModelBatch(options, batchSize), [inputName], [outputName], outputWidth,
            new BatchSlot(batchSize, spec.TensorLength, tileShape), new BatchSlot(batchSize, outputWidth, [outputWidth])))];
        foreach (var lane in _lanes)
        {
            _free.Add(lane);
        }

        _available = new SemaphoreSlim(_lanes.Length, _lanes.Length);
    }

    public string ActiveProvider { get; }

    public int BatchSize { get; }

    public int OutputWidth { get; }

    public CoreBudget Budget { get; }

    /// <summary>Scores at most <see cref="BatchSize"/> tiles on the next free lane; one result per tile, in order.</summary>
    public async Task<RowResult[]> RunBatchAsync(TileInput[] tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tiles.Length, BatchSize);
        try
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            foreach (var tile in tiles)
            {
                tile.Release();
            }

            throw;
        }

        _free.TryTake(out var lane);
        try
        {
            return await Task.Run(() => lane!.Run(tiles, _logger, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _free.Add(lane!);
            _available.Release();
        }
    }

    /// <summary>Scores any number of tiles, batches on all lanes at once; results in input order.</summary>
    public async Task<RowResult[]> RunAllAsync(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var batches = await Task.WhenAll(tiles.Chunk(BatchSize).Select(chunk => RunBatchAsync(chunk, cancellationToken))).ConfigureAwait(false);
        return [.. batches.SelectMany(b => b)];
    }

    /// <summary>Scores a stream with every lane busy and one batch read ahead, the last partial batch split over the lanes; yields batches in input order.</summary>
    public async IAsyncEnumerable<RowResult[]> RunAsync(IAsyncEnumerable<TileInput> tiles, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var inFlight = new Queue<Task<RowResult[]>>();
        try
        {
            var chunk = new List<TileInput>(BatchSize);
            await foreach (var tile in tiles.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(tile);
                if (chunk.Count < BatchSize)
                {
                    continue;
                }

                inFlight.Enqueue(RunBatchAsync([.. chunk], cancellationToken));
                chunk.Clear();
                if (inFlight.Count > _lanes.Length)
                {
                    yield return await inFlight.Dequeue().ConfigureAwait(false);
                }
            }

            // The last, partial batch is shared out over the lanes: one lane scoring it alone would leave the others idle
            // for a batch's time at the end of every stream (600 tiles at batch 32 on 2 lanes: 24 tiles on one lane).
            foreach (var piece in chunk.Chunk(Math.Max(1, (chunk.Count + _lanes.Length - 1) / _lanes.Length)))
            {
                inFlight.Enqueue(RunBatchAsync(piece, cancellationToken));
            }

            while (inFlight.Count > 0)
            {
                yield return await inFlight.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // A consumer that stops early must not leave a lane writing into buffers that are disposed next.
            foreach (var pending in inFlight)
            {
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var lane in _lanes)
        {
            lane.Dispose();
        }

        foreach (var session in _sessions)
        {
            session.Dispose();
        }

        _available.Dispose();
    }

    private static int ModelBatch(ScoringOptions options, int batchSize) =>
        options.ModelBatchSize > 0 ? Math.Min(options.ModelBatchSize, batchSize) : batchSize;

    private sealed class Lane(InferenceSession session, TileDecoder decoder, int threads, int modelBatch, string[] inputNames, string[] outputNames, int outputWidth,
        BatchSlot input, BatchSlot output) : IDisposable
    {
        private readonly RunOptions _runOptions = new();

        public RowResult[] Run(TileInput[] tiles, ILogger logger, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var batch = BatchDecoding.Into(input, decoder, tiles, threads, cancellationToken);
            for (var start = 0; start < batch.Succeeded; start += modelBatch)
            {
                var count = Math.Min(modelBatch, batch.Succeeded - start);
                session.Run(_runOptions, inputNames, [input.View(start, count)], outputNames, [output.View(start, count)]);
            }

            var rows = BatchDecoding.Rows(batch, output.Buffer, outputWidth);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                ScoringLog.BatchScored(logger, rows.Length, rows.Length - batch.Succeeded, elapsedMs);
            }

            return rows;
        }

        public void Dispose()
        {
            input.Dispose();
            output.Dispose();
            _runOptions.Dispose();
        }
    }
}
