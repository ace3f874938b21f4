using LandUse.Scoring.Imaging;

namespace LandUse.Scoring.Inference.Staged;

/// <summary>
/// A batch decoded into one of a staged scorer's host buffers, waiting for <see cref="IStagedTileScorer.Infer"/>.
/// Disposing a batch that never ran gives its buffer back.
/// </summary>
public sealed class DecodedTiles : IDisposable
{
    private HostBatch? _buffer;

    internal DecodedTiles(object owner, HostBatch buffer, IReadOnlyList<TileInput> tiles, DecodeResult[] results, int succeeded, Action<HostBatch> release)
    {
        Owner = owner;
        _buffer = buffer;
        Tiles = tiles;
        Results = results;
        Succeeded = succeeded;
        Release = release;
    }

    /// <summary>The tiles, in the order their predictions come back.</summary>
    public IReadOnlyList<TileInput> Tiles { get; }

    /// <summary>Tiles that decoded (packed to the front of the buffer); the model runs on these alone.</summary>
    public int Succeeded { get; }

    internal object Owner { get; }

    internal DecodeResult[] Results { get; }

    internal HostBatch Buffer => _buffer ?? throw new ObjectDisposedException(nameof(DecodedTiles), "This batch already ran or was disposed.");

    private Action<HostBatch> Release { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            Release(buffer);
        }
    }
}
