namespace LandUse.Scoring.Inference;

/// <summary>Scores tiles with one loaded model; safe to call from one caller at a time.</summary>
public interface ITileScorer : IDisposable
{
    /// <summary>The bundle's model version, recorded with every prediction.</summary>
    string ModelVersion { get; }

    /// <summary>The execution provider actually in use ("CPU" or "CUDA").</summary>
    string ActiveProvider { get; }

    /// <summary>Why the session runs on the CPU although CUDA was asked for; null when it runs on what was asked for.</summary>
    string? ProviderFallback { get; }

    /// <summary>Scores tiles in batches of the configured size; one prediction per input, in input order.</summary>
    IReadOnlyList<TilePrediction> Score(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken = default);

    /// <summary>Scores a stream, decoding the next batch while the current one runs; yields in input order.</summary>
    IAsyncEnumerable<TilePrediction> ScoreStreamAsync(IAsyncEnumerable<TileInput> tiles, CancellationToken cancellationToken = default);
}
