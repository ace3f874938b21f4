using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference.Cuda;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LandUse.Scoring.Inference.Staged;

/// <summary>
/// The GPU worker's scorer: a bundle scored in two stages a caller can overlap, decode into host batches (CPU, all
/// cores) and inference. On CUDA the inference stage runs through IOBinding on device buffers reused across batches
/// (<see cref="CudaBatchRunner"/>); when the session runs on the CPU (asked for, or CUDA unavailable, see
/// <see cref="ProviderFallback"/>) it runs on the host batch directly.
/// </summary>
public sealed class StagedTileScorer : IStagedTileScorer
{
    /// <summary>Decoded batches queued ahead of inference by default; the scorer holds two more host batches than this.</summary>
    public const int DefaultDepth = 2;

    private readonly ModelBundle _bundle;
    private readonly IBatchRunner _runner;
    private readonly HostBatchPool _pool;
    private readonly TileDecoder _decoder;
    private readonly PredictionMapper _mapper;
    private readonly int _outputWidth;

    public StagedTileScorer(ModelBundle bundle, ScoringOptions options, int depth = DefaultDepth, ILogger<StagedTileScorer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ProviderPrecision.Check(bundle, options.Provider);
        ILogger log = logger ?? (ILogger)NullLogger.Instance;
        _bundle = bundle;
        BatchSize = bundle.FixedBatchSize is { } fixedBatch ? Math.Min(fixedBatch, options.BatchSize) : options.BatchSize;
        Depth = depth;
        var spec = InputSpec.From(bundle.Manifest);
        long[] tileShape = [3, spec.Height, spec.Width];
        _outputWidth = bundle.OutputWidth;
        var opened = SessionFactory.OpenReporting(bundle.ModelPath, null, $"{bundle.Manifest.Name} {bundle.Version} (staged)", options, BatchSize, log);
        ProviderFallback = opened.Fallback;
        try
        {
            _runner = opened.Provider == SessionFactory.Cuda
                ? new CudaBatchRunner(opened.Session, bundle.Manifest.InputName, bundle.OutputName, tileShape, spec.TensorLength, _outputWidth, BatchSize)
                : new HostBatchRunner(opened.Session, opened.Provider, bundle.Manifest.InputName, bundle.OutputName);
        }
        catch
        {
            opened.Session.Dispose();
            throw;
        }

        _pool = new HostBatchPool(depth + 2, BatchSize, spec.TensorLength, tileShape, _outputWidth, _runner);
        _decoder = new TileDecoder(spec, options);
        _mapper = new PredictionMapper(bundle);
    }

    /// <summary>The bundle this scorer serves.</summary>
    public ModelBundle Bundle => _bundle;

    public string ModelVersion => _bundle.Version;

    public string ActiveProvider => _runner.Provider;

    public string? ProviderFallback { get; }

    public int BatchSize { get; }

    public int Buffers => _pool.Count;

    /// <summary>Decoded batches <see cref="StagedPipeline"/> queues ahead of inference for this scorer.</summary>
    public int Depth { get; }

    public async ValueTask<DecodedTiles> DecodeAsync(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (tiles.Count > BatchSize)
        {
            throw new ArgumentException($"A decoded batch holds at most {BatchSize} tiles; got {tiles.Count}.", nameof(tiles));
        }

        var buffer = await _pool.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (results, succeeded) = await Task.Run(
                () => BatchDecoding.DecodePacked(_decoder, tiles, buffer.Input, buffer.TileLength, MachineCores.Count, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return new DecodedTiles(this, buffer, tiles, results, succeeded, _pool.Return);
        }
        catch
        {
            _pool.Return(buffer);
            throw;
        }
    }

    public IReadOnlyList<TilePrediction> Infer(DecodedTiles batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!ReferenceEquals(batch.Owner, this))
        {
            throw new ArgumentException("The batch was decoded by another scorer.", nameof(batch));
        }

        using (batch)
        {
            RunModel(batch);
            var rows = BatchDecoding.Rows(batch.Tiles, batch.Results, batch.Buffer.Output.AsSpan(0, batch.Succeeded * _outputWidth), _outputWidth);
            return [.. rows.Select(_mapper.Map)];
        }
    }

    public IReadOnlyList<TilePrediction> Score(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var predictions = new List<TilePrediction>(tiles.Count);
        var chunks = StagedPipeline.ChunkAsync(tiles.ToAsyncEnumerable(), BatchSize, cancellationToken);
        StagedPipeline.RunAsync(this, chunks, chunk => chunk, (_, result) => predictions.AddRange(result), Depth, cancellationToken)
            .GetAwaiter().GetResult();
        return predictions;
    }

    public async IAsyncEnumerable<TilePrediction> ScoreStreamAsync(IAsyncEnumerable<TileInput> tiles, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = Channel.CreateBounded<IReadOnlyList<TilePrediction>>(new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true });
        var chunks = StagedPipeline.ChunkAsync(tiles, BatchSize, stop.Token);
        var pipeline = Task.Run(
            async () =>
            {
                try
                {
                    await StagedPipeline.RunAsync(this, chunks, chunk => chunk, (_, result) => done.Writer.WriteAsync(result, stop.Token).AsTask().GetAwaiter().GetResult(), Depth, stop.Token).ConfigureAwait(false);
                    done.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    done.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var batch in done.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var prediction in batch)
                {
                    yield return prediction;
                }
            }
        }
        finally
        {
            // A consumer that stops early stops the pipeline; its decoded batches give their buffers back.
            await stop.CancelAsync().ConfigureAwait(false);
            await pipeline.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _pool.Dispose();
        _runner.Dispose();
    }

    /// <summary>The inference stage alone (the device copy in, the run, the copy out), leaving the batch decoded: for benchmarks.</summary>
    internal void RunModel(DecodedTiles batch)
    {
        if (batch.Succeeded > 0)
        {
            _runner.Run(batch.Buffer, batch.Succeeded);
        }
    }
}
