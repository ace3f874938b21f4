namespace LandUse.Scoring.Inference;

/// <summary>
/// One tile to score: its store-relative reference and its encoded bytes (PNG or JPEG). When the bytes sit in a pooled
/// buffer, <see cref="Lease"/> gives it back; engines call <see cref="Release"/> as soon as the tile is decoded.
/// </summary>
public sealed record TileInput(string Ref, ReadOnlyMemory<byte> Content)
{
    /// <summary>The pooled buffer behind <see cref="Content"/>, if any.</summary>
    public IDisposable? Lease { get; init; }

    /// <summary>Returns the pooled buffer (once); the content must not be read afterwards.</summary>
    public void Release() => Lease?.Dispose();
}
