namespace LandUse.Scoring.Inference.Staged;

/// <summary>
/// A scorer whose two stages a caller can drive apart, so the CPU decodes the next batch while the device runs the
/// current one (see <see cref="StagedPipeline"/>): <see cref="DecodeAsync"/> fills one of the scorer's host buffers,
/// <see cref="Infer"/> runs the model on it and hands the buffer back.
/// </summary>
public interface IStagedTileScorer : ITileScorer
{
    /// <summary>Most tiles in one decoded batch.</summary>
    int BatchSize { get; }

    /// <summary>Host buffers the scorer owns: at most this many decoded batches exist at once (DecodeAsync waits for one).</summary>
    int Buffers { get; }

    /// <summary>Decodes up to <see cref="BatchSize"/> tiles into a free host buffer (waiting for one), on the thread pool.</summary>
    ValueTask<DecodedTiles> DecodeAsync(IReadOnlyList<TileInput> tiles, CancellationToken cancellationToken = default);

    /// <summary>Runs the model on a decoded batch: one prediction per tile (decode failures as error rows), in order; frees its buffer.</summary>
    IReadOnlyList<TilePrediction> Infer(DecodedTiles batch);
}
