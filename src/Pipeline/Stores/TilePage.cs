namespace LandUse.Pipeline.Stores;

/// <summary>One listing page: tiles in listing order and the token for the next page (null at the end).</summary>
public sealed record TilePage(IReadOnlyList<TileEntry> Tiles, string? ContinuationToken);

/// <summary>
/// A listed tile: its store-relative ref, its content version and size in bytes, and, for an entry the listing must
/// not read (a symlink out of the root, a FIFO, a name with '..', a file over the size cap), the problem that makes it
/// an error row (see <see cref="TileEntryRules"/>).
/// </summary>
public sealed record TileEntry(string Ref, string Version, long Size)
{
    public string? Problem { get; init; }
}

/// <summary>
/// A tile's bytes together with the content version they were read at; <see cref="Lease"/> is the pooled buffer behind
/// the bytes when they were read with <see cref="ITileStore.ReadPooledAsync"/> (dispose it when done with them).
/// </summary>
public sealed record TileContent(string Ref, ReadOnlyMemory<byte> Bytes, string Version)
{
    public IDisposable? Lease { get; init; }
}
