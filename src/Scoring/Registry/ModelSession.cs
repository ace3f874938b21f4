using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;

namespace LandUse.Scoring.Registry;

/// <summary>
/// A loaded model: its bundle, the scorer on it, and where it came from. Concurrent batches share an
/// <see cref="OnnxTileScorer"/>'s CPU lanes (one decodes while another runs the model); any other scorer is entered by
/// one batch at a time. <see cref="Id"/> (<c>&lt;name&gt;/&lt;version&gt;</c>) is the version predictions record.
/// </summary>
public sealed class ModelSession(ModelBundle bundle, ITileScorer scorer, string source) : IDisposable
{
    /// <summary><see cref="Source"/> of a model read from the registry.</summary>
    public const string RegistrySource = "registry";

    /// <summary><see cref="Source"/> of a model loaded from a bundle folder.</summary>
    public const string FolderSource = "folder";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public ModelBundle Bundle { get; } = bundle;

    public ITileScorer Scorer { get; } = scorer;

    /// <summary><see cref="RegistrySource"/> or <see cref="FolderSource"/>.</summary>
    public string Source { get; } = source;

    /// <summary>The model's pinned reference, <c>&lt;name&gt;/&lt;version&gt;</c> from its manifest.</summary>
    public string Id => ModelReference.Of(Bundle.Manifest).ToString();

    /// <summary>Scores the tiles beside other batches in the scorer's lanes, or after the batch already in a scorer without them.</summary>
    public async Task<IReadOnlyList<TilePrediction>> ScoreAsync(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken)
    {
        if (Scorer is OnnxTileScorer onnx)
        {
            return await onnx.ScoreConcurrentAsync(tiles, cancellationToken).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Scorer.Score(tiles, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Scorer.Dispose();
        _gate.Dispose();
    }
}
