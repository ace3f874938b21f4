namespace LandUse.Analysis.Runs;

/// <summary>
/// A run's tiles as a stream that can be read again: each <see cref="ReadAsync"/> is a fresh pass over the rows, so a
/// comparison reads a run a few times instead of holding every tile in memory.
/// </summary>
public sealed record TileRows(Func<CancellationToken, IAsyncEnumerable<TileResult>> Open)
{
    /// <summary>Tiles already in memory (tests, small runs); every read walks the same sequence.</summary>
    public static TileRows Of(IEnumerable<TileResult> tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        return new(_ => tiles.ToAsyncEnumerable());
    }

    /// <summary>One pass over the tiles.</summary>
    public IAsyncEnumerable<TileResult> ReadAsync(CancellationToken cancellationToken) => Open(cancellationToken);
}
