using System.Diagnostics;
using System.Runtime.CompilerServices;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference;

/// <summary>
/// Runs one single-input, single-output image model over tiles in batches: decodes the next batch (in parallel across
/// cores) into the other of two reusable input buffers while the current batch runs, and hands back raw output rows
/// in input order. One caller at a time.
/// </summary>
internal sealed class BatchEngine : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly TileDecoder _decoder;
    private readonly BatchSlot[] _inputs;
    private readonly BatchSlot _output;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = MachineCores.Count };
    private readonly ILogger _logger;

    public BatchEngine(InferenceSession session, string provider, string inputName, string outputName, int outputWidth, InputSpec spec, ScoringOptions options, int batchSize, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _session = session;
        ActiveProvider = provider;
        BatchSize = batchSize;
        OutputWidth = outputWidth;
        _decoder = new TileDecoder(spec, options);
        long[] tileShape = [3, spec.Height, spec.Width];
        _inputs = [new BatchSlot(batchSize, spec.TensorLength, tileShape), new BatchSlot(batchSize, spec.TensorLength, tileShape)];
        _output = new BatchSlot(batchSize, outputWidth, [outputWidth]);
        _inputNames = [inputName];
        _outputNames = [outputName];
        _logger = logger ?? NullLogger.Instance;
    }

    public string ActiveProvider { get; }

    public int BatchSize { get; }

    public int OutputWidth { get; }

    public IEnumerable<RowResult[]> Run(IEnumerable<TileInput> tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        using var chunks = tiles.Chunk(BatchSize).GetEnumerator();
        if (!chunks.MoveNext())
        {
            yield break;
        }

        var slot = 0;
        var decoding = StartDecode(_inputs[0], chunks.Current, cancellationToken);
        try
        {
            while (true)
            {
                var decoded = decoding.GetAwaiter().GetResult();
                var hasNext = chunks.MoveNext();
                if (hasNext)
                {
                    decoding = StartDecode(_inputs[slot ^ 1], chunks.Current, cancellationToken);
                }

                yield return Infer(_inputs[slot], decoded);
                if (!hasNext)
                {
                    yield break;
                }

                slot ^= 1;
            }
        }
        finally
        {
            Drain(decoding);
        }
    }

    public async IAsyncEnumerable<RowResult[]> RunAsync(IAsyncEnumerable<TileInput> tiles, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var source = tiles.GetAsyncEnumerator(cancellationToken);
        await using var _ = source.ConfigureAwait(false);
        var chunk = await ReadChunkAsync(source).ConfigureAwait(false);
        if (chunk.Length == 0)
        {
            yield break;
        }

        var slot = 0;
        var decoding = StartDecode(_inputs[0], chunk, cancellationToken);
        try
        {
            while (true)
            {
                var decoded = await decoding.ConfigureAwait(false);
                var next = await ReadChunkAsync(source).ConfigureAwait(false);
                if (next.Length > 0)
                {
                    decoding = StartDecode(_inputs[slot ^ 1], next, cancellationToken);
                }

                var current = _inputs[slot];
                yield return await Task.Run(() => Infer(current, decoded), cancellationToken).ConfigureAwait(false);
                if (next.Length == 0)
                {
                    yield break;
                }

                slot ^= 1;
            }
        }
        finally
        {
            Drain(decoding);
        }
    }

    public void Dispose()
    {
        foreach (var slot in _inputs)
        {
            slot.Dispose();
        }

        _output.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private async Task<TileInput[]> ReadChunkAsync(IAsyncEnumerator<TileInput> source)
    {
        var chunk = new List<TileInput>(BatchSize);
        while (chunk.Count < BatchSize && await source.MoveNextAsync().ConfigureAwait(false))
        {
            chunk.Add(source.Current);
        }

        return [.. chunk];
    }

    private Task<DecodedBatch> StartDecode(BatchSlot slot, TileInput[] tiles, CancellationToken cancellationToken) =>
        Task.Run(() => Decode(slot, tiles, cancellationToken), cancellationToken);

    private DecodedBatch Decode(BatchSlot slot, TileInput[] tiles, CancellationToken cancellationToken) =>
        BatchDecoding.Into(slot, _decoder, tiles, _parallel.MaxDegreeOfParallelism, cancellationToken);

    private RowResult[] Infer(BatchSlot input, DecodedBatch batch)
    {
        var started = Stopwatch.GetTimestamp();
        if (batch.Succeeded > 0)
        {
            _session.Run(_runOptions, _inputNames, [input.View(batch.Succeeded)], _outputNames, [_output.View(batch.Succeeded)]);
        }

        var rows = BatchDecoding.Rows(batch, _output.Buffer, OutputWidth);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            ScoringLog.BatchScored(_logger, rows.Length, rows.Length - batch.Succeeded, elapsedMs);
        }

        return rows;
    }

    private static void Drain(Task task)
    {
        // A consumer that stops early must not leave a decode writing into a buffer the next call reuses.
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
        }
    }
}
