using System.Runtime.CompilerServices;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Labels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LandUse.Scoring.Inference;

/// <summary>
/// Scores tiles with a model bundle on ONNX Runtime: batched, decode overlapped with inference (on the CPU in lanes,
/// see <see cref="CoreBudget"/>), CUDA when asked and present (an INT8 bundle runs on the CPU only, see <see cref="ProviderPrecision"/>). Probabilities come back in <see cref="LabelScheme.Classes"/> order whatever the bundle's label order is.
/// </summary>
public sealed class OnnxTileScorer : ITileScorer
{
    private readonly ModelBundle _bundle;
    private readonly BatchEngine? _engine;
    private readonly LaneEngine? _lanes;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PredictionMapper _mapper;

    public OnnxTileScorer(ModelBundle bundle, ScoringOptions options, ILogger<OnnxTileScorer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        ProviderPrecision.Check(bundle, options.Provider);
        ILogger log = logger ?? (ILogger)NullLogger.Instance;
        _bundle = bundle;
        var batch = bundle.FixedBatchSize is { } fixedBatch ? Math.Min(fixedBatch, options.BatchSize) : options.BatchSize;
        var label = $"{bundle.Manifest.Name} {bundle.Version}";
        var spec = InputSpec.From(bundle.Manifest);
        if (options.Provider == ExecutionProvider.Cpu)
        {
            var budget = CoreBudget.ForMachine(options.IntraOpThreads);
            var lanes = options with { IntraOpThreads = budget.IntraOpThreads };
            _lanes = new LaneEngine(
                _ => SessionFactory.OpenCpu(bundle.ModelPath, bundle.Manifest.Sha256, label, lanes, batch, log), SessionFactory.Cpu,
                bundle.Manifest.InputName, bundle.OutputName, bundle.OutputWidth, spec, options, batch, budget, log);
        }
        else
        {
            var opened = SessionFactory.OpenReporting(bundle.ModelPath, null, label, options, batch, log);
            ProviderFallback = opened.Fallback;
            _engine = new BatchEngine(opened.Session, opened.Provider, bundle.Manifest.InputName, bundle.OutputName, bundle.OutputWidth, spec, options, batch, log);
        }

        _mapper = new PredictionMapper(bundle);
    }

    public string ModelVersion => _bundle.Version;

    /// <summary>The bundle this scorer runs.</summary>
    public ModelBundle Bundle => _bundle;

    public string ActiveProvider => _lanes?.ActiveProvider ?? _engine!.ActiveProvider;

    public string? ProviderFallback { get; }

    /// <summary>The batch size actually used (the requested one, capped by a model with a fixed batch).</summary>
    public int BatchSize => _lanes?.BatchSize ?? _engine!.BatchSize;

    /// <summary>How the CPU's cores are spent (lanes × intra-op threads); null on CUDA.</summary>
    public CoreBudget? Budget => _lanes?.Budget;

    public IReadOnlyList<TilePrediction> Score(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (_lanes is not null)
        {
            return [.. _lanes.RunAllAsync(tiles, cancellationToken).GetAwaiter().GetResult().Select(_mapper.Map)];
        }

        var predictions = new List<TilePrediction>(tiles.Count);
        foreach (var rows in _engine!.Run(tiles, cancellationToken))
        {
            predictions.AddRange(rows.Select(_mapper.Map));
        }

        return predictions;
    }

    /// <summary>
    /// Scores tiles for one of several concurrent callers (the batches of a durable run): on the CPU they share the
    /// lanes, so one caller's batch decodes while another's runs the model; on CUDA callers take turns.
    /// </summary>
    public async Task<IReadOnlyList<TilePrediction>> ScoreConcurrentAsync(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (_lanes is not null)
        {
            return [.. (await _lanes.RunAllAsync(tiles, cancellationToken).ConfigureAwait(false)).Select(_mapper.Map)];
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Score(tiles, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<TilePrediction> ScoreStreamAsync(IAsyncEnumerable<TileInput> tiles, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var batches = _lanes is not null ? _lanes.RunAsync(tiles, cancellationToken) : _engine!.RunAsync(tiles, cancellationToken);
        await foreach (var rows in batches.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                yield return _mapper.Map(row);
            }
        }
    }

    public void Dispose()
    {
        _lanes?.Dispose();
        _engine?.Dispose();
        _gate.Dispose();
    }
}
