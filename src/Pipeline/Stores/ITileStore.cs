namespace LandUse.Pipeline.Stores;

/// <summary>
/// A place tiles live (a local folder, or a Blob / ADLS Gen2 container and prefix). Refs are store-relative
/// paths with forward slashes; a ref that escapes the root is rejected.
/// </summary>
public interface ITileStore
{
    /// <summary>A human-readable description for logs and errors, e.g. the folder or container URL.</summary>
    string Description { get; }

    /// <summary>Lists one page of tiles (images only), continuing from a token the previous page returned.</summary>
    Task<TilePage> ListPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>Reads a tile's bytes and content version (ETag, or size+mtime locally).</summary>
    Task<TileContent> ReadAsync(string tileRef, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a tile's bytes into a pooled buffer (<see cref="Scoring.Imaging.PooledBytes"/>), for scoring: the content's
    /// lease gives the buffer back. Stores that cannot read into a buffer fall back to <see cref="ReadAsync"/>.
    /// </summary>
    Task<TileContent> ReadPooledAsync(string tileRef, CancellationToken cancellationToken) => ReadAsync(tileRef, cancellationToken);

    /// <summary>Reads a small side file such as <c>tiles.csv</c>; null when it does not exist.</summary>
    Task<byte[]?> TryReadFileAsync(string relativePath, CancellationToken cancellationToken);

    /// <summary>An absolute URL a remote worker can read the tile from, or null for stores it cannot reach (local folders).</summary>
    Uri? TryGetUri(string tileRef);
}
