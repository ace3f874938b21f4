
namespace LandUse.Synthetic.Tiles;

/// <summary>Writes a balanced labeled tile set <c>DIR/&lt;Label&gt;/&lt;id&gt;.png</c>, the layout training reads.</summary>
public static class TileSetWriter
{
    /// <summary>Largest per-class count accepted, to keep a mistyped number from filling the disk.</summary>
    public const int MaxPerClass = 100_000;

    /// <summary>File name (without extension) of tile <paramref name="index"/> of a class: <c>forest_00012</c>.</summary>
    public static string TileId(TileClass cover, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cover.ToString().ToLowerInvariant()}_{index:D5}");

    /// <summary>
    /// Renders <paramref name="perClass"/> tiles of each class on <paramref name="maxParallelism"/> threads (default: the
    /// processor count; hosts that raise DOTNET_PROCESSOR_COUNT pass their real core count); returns how many were written.
    /// </summary>
    public static async Task<int> WriteAsync(string outDir, int perClass, int seed, IProgress<int>? progress, CancellationToken ct, int maxParallelism = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        if (perClass < 1 || perClass > MaxPerClass)
        {
            throw new ArgumentOutOfRangeException(nameof(perClass), perClass, $"per-class count must be between 1 and {MaxPerClass}.");
        }

        foreach (var cover in TileClasses.All)
        {
            Directory.CreateDirectory(Path.Combine(outDir, cover.ToString()));
        }

        var jobs = TileClasses.All.SelectMany(c => Enumerable.Range(0, perClass).Select(i => (Cover: c, Index: i)));
        var written = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(jobs, options, async (job, token) =>
        {
            var png = TileGenerator.RenderPng(job.Cover, TileGenerator.TileSeed(seed, job.Cover, job.Index));
            var path = Path.Combine(outDir, job.Cover.ToString(), TileId(job.Cover, job.Index) + ".png");
            await File.WriteAllBytesAsync(path, png, token).ConfigureAwait(false);
            var done = Interlocked.Increment(ref written);
            progress?.Report(done);
        }).ConfigureAwait(false);
        return written;
    }
}
