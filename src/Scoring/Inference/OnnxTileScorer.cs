using System.Runtime.CompilerServices;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Labels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LandUse.Scoring.Inference;

/// <summary>
/// Scores tiles with a model bundle on ONNX Runtime: batched, decode overlapped with inference, CUDA when asked and
/// present (an INT8 bundle runs on the CPU only, see <see cref="ProviderPrecision"/>). Probabilities come back in <see cref="LabelScheme.Classes"/> order whatever the bundle's label order is.
/// </summary>
public sealed class OnnxTileScorer : ITileScorer
{
    private readonly ModelBundle _bundle;
    private readonly BatchEngine _engine;
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
        var opened = SessionFactory.OpenReporting(bundle.ModelPath, null, label, options, batch, log);
        ProviderFallback = opened.Fallback;
        _engine = new BatchEngine(opened.Session, opened.Provider, bundle.Manifest.InputName, bundle.OutputName, bundle.OutputWidth, InputSpec.From(bundle.Manifest), options, batch, log);
        _mapper = new PredictionMapper(bundle);
    }

    public string ModelVersion => _bundle.Version;

    /// <summary>The bundle this scorer runs.</summary>
    public ModelBundle Bundle => _bundle;

    public string ActiveProvider => _engine.ActiveProvider;

    public string? ProviderFallback { get; }

    /// <summary>The batch size actually used (the requested one, capped by a model with a fixed batch).</summary>
    public int BatchSize => _engine.BatchSize;

    public IReadOnlyList<TilePrediction> Score(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var predictions = new List<TilePrediction>(tiles.Count);
        foreach (var rows in _engine.Run(tiles, cancellationToken))
        {
            predictions.AddRange(rows.Select(_mapper.Map));
        }

        return predictions;
    }

    public async IAsyncEnumerable<TilePrediction> ScoreStreamAsync(IAsyncEnumerable<TileInput> tiles, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        await foreach (var rows in _engine.RunAsync(tiles, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                yield return _mapper.Map(row);
            }
        }
    }

    public void Dispose() => _engine.Dispose();
}
