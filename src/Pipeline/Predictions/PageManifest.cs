using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Predictions;

/// <summary>A listed page as stored: its tiles in listing order, cut into batches of <see cref="BatchSize"/>.</summary>
public sealed record PageManifest(int Page, int BatchSize, IReadOnlyList<TileEntry> Tiles)
{
    public int BatchCount => BatchCountOf(Tiles.Count, BatchSize);

    public IReadOnlyList<TileEntry> Batch(int batch)
    {
        if (batch < 0 || batch >= BatchCount)
        {
            throw new InvalidOperationException($"Page {Page} has {BatchCount} batches; batch {batch} does not exist.");
        }

        var start = batch * BatchSize;
        return Tiles.Skip(start).Take(BatchSize).ToArray();
    }

    public static int BatchCountOf(int tiles, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return (tiles + batchSize - 1) / batchSize;
    }
}
