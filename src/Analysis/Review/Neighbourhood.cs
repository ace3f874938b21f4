using LandUse.Analysis.Runs;

namespace LandUse.Analysis.Review;

/// <summary>The 3 × 3 cells around a tile (row-major, the tile in the middle) and which tile of a run sits in each.</summary>
public static class Neighbourhood
{
    /// <summary>The nine cells around (row, col), row-major; cells off the grid's top or left edge are null.</summary>
    public static IReadOnlyList<(int Row, int Col)?> Around(int row, int col)
    {
        var cells = new (int Row, int Col)?[9];
        for (var i = 0; i < 9; i++)
        {
            var (r, c) = (row + (i / 3) - 1, col + (i % 3) - 1);
            cells[i] = r >= 0 && c >= 0 ? (r, c) : null;
        }

        return cells;
    }

    /// <summary>Paths of the run's tiles in the <paramref name="wanted"/> cells only (one pass over the stream, memory in the cells asked for).</summary>
    public static async Task<IReadOnlyDictionary<(int Row, int Col), string>> PathsAsync(
        IAsyncEnumerable<TileResult> tiles, IReadOnlySet<(int Row, int Col)> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        ArgumentNullException.ThrowIfNull(wanted);
        var paths = new Dictionary<(int Row, int Col), string>(wanted.Count);
        await foreach (var tile in tiles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (tile is { Row: { } r, Col: { } c } && wanted.Contains((r, c)))
            {
                paths.TryAdd((r, c), tile.Path);
            }
        }

        return paths;
    }
}
