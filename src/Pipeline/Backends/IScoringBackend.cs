using LandUse.Pipeline.Stores;
using LandUse.Scoring.Inference;

namespace LandUse.Pipeline.Backends;

/// <summary>
/// Where a batch of tiles gets scored: in this process with ONNX Runtime, or on a remote (GPU) scoring worker.
/// Implementations never throw for a bad tile: it comes back as a <see cref="TilePrediction"/> with an error.
/// </summary>
public interface IScoringBackend
{
    /// <summary>The model version predictions will carry (used for resume and idempotency checks).</summary>
    ValueTask<string> GetModelVersionAsync(CancellationToken cancellationToken);

    /// <summary>Scores the batch; one prediction per ref, in the order given.</summary>
    Task<IReadOnlyList<TilePrediction>> ScoreAsync(ITileStore store, IReadOnlyList<string> tileRefs, CancellationToken cancellationToken);
}
