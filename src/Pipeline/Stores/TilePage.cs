namespace LandUse.Pipeline.Stores;

/// <summary>One listing page: tiles in listing order and the token for the next page (null at the end).</summary>
public sealed record TilePage(IReadOnlyList<TileEntry> Tiles, string? ContinuationToken);

/// <summary>A listed tile: its store-relative ref, its content version and size in bytes.</summary>
public sealed record TileEntry(string Ref, string Version, long Size);

/// <summary>
/// A tile's bytes together with the content version they were read at; <see cref="Lease"/> is the pooled buffer behind
/// the bytes when they were read with <see cref="ITileStore.ReadPooledAsync"/> (dispose it when done with them).
/// </summary>
public sealed record TileContent(string Ref, ReadOnlyMemory<byte> Bytes, string Version)
{
    public IDisposable? Lease { get; init; }
}
