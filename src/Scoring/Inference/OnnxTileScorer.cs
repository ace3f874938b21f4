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
    private readonly int[] _classOfOutput;
    private readonly bool _logits;

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
        var (session, provider) = SessionFactory.Open(bundle.ModelPath, null, label, options, batch, log);
        _engine = new BatchEngine(session, provider, bundle.Manifest.InputName, bundle.OutputName, bundle.OutputWidth, InputSpec.From(bundle.Manifest), options, batch, log);
        _classOfOutput = bundle.Labels.Select(l => (int)l).ToArray();
        _logits = bundle.Manifest.OutputKind == OutputKinds.Logits;
    }

    public string ModelVersion => _bundle.Version;

    /// <summary>The bundle this scorer runs.</summary>
    public ModelBundle Bundle => _bundle;

    public string ActiveProvider => _engine.ActiveProvider;

    /// <summary>The batch size actually used (the requested one, capped by a model with a fixed batch).</summary>
    public int BatchSize => _engine.BatchSize;

    public IReadOnlyList<TilePrediction> Score(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var predictions = new List<TilePrediction>(tiles.Count);
        foreach (var rows in _engine.Run(tiles, cancellationToken))
        {
            predictions.AddRange(rows.Select(ToPrediction));
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
                yield return ToPrediction(row);
            }
        }
    }

    public void Dispose() => _engine.Dispose();

    private TilePrediction ToPrediction(RowResult row)
    {
        if (row.Output is null)
        {
            return TilePrediction.Failed(row.Ref, row.Error ?? "unknown decode failure");
        }

        if (_logits)
        {
            Softmax.InPlace(row.Output);
        }

        var probabilities = new float[LabelScheme.ClassCount];
        for (var i = 0; i < row.Output.Length; i++)
        {
            probabilities[_classOfOutput[i]] = row.Output[i];
        }

        var best = 0;
        for (var c = 1; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return new TilePrediction(row.Ref, (LandCover)best, probabilities, null, row.Resized);
    }
}
