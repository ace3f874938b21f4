using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Backends.NoOp;

/// <summary>
/// A scorer without a model, for benchmarks and scale tests only (never reachable from a run request): it reads each
/// tile into a pooled buffer like the real backend, hands it straight back, and returns a fixed-shape prediction
/// chosen by a stable hash of the ref, so everything around the model (listing, manifests, reads, rows, summaries,
/// orchestration) does its real work at any tile count.
/// </summary>
public sealed class NoOpScoringBackend : IScoringBackend
{
    public const string ModelVersion = "noop-v1";

    public ValueTask<string> GetModelVersionAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ModelVersion);

    public async Task<IReadOnlyList<TilePrediction>> ScoreAsync(ITileStore store, IReadOnlyList<string> tileRefs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tileRefs);
        var predictions = new TilePrediction[tileRefs.Count];
        for (var i = 0; i < tileRefs.Count; i++)
        {
            predictions[i] = await ScoreOneAsync(store, tileRefs[i], cancellationToken).ConfigureAwait(false);
        }

        return predictions;
    }

    /// <summary>The prediction the no-op scorer gives a ref: a class from its hash, probability 0.9 on it.</summary>
    public static TilePrediction PredictionFor(string tileRef)
    {
        var label = (LandCover)(ShardKey.Fnv1a(tileRef) % LabelScheme.ClassCount);
        var probabilities = new float[LabelScheme.ClassCount];
        Array.Fill(probabilities, 0.1f / (LabelScheme.ClassCount - 1));
        probabilities[(int)label] = 0.9f;
        return new TilePrediction(tileRef, label, probabilities, null, false);
    }

    private static async Task<TilePrediction> ScoreOneAsync(ITileStore store, string tileRef, CancellationToken cancellationToken)
    {
        try
        {
            var content = await store.ReadPooledAsync(tileRef, cancellationToken).ConfigureAwait(false);
            content.Lease?.Dispose();
            return PredictionFor(tileRef);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return TilePrediction.Failed(tileRef, "read failed: " + e.Message);
        }
    }
}
