using LandUse.Scoring.Hosting;
using LandUse.Scoring.Labels;

namespace LandUse.Synthetic.Tiles;

/// <summary>Writes a balanced labeled tile set <c>DIR/&lt;Label&gt;/&lt;id&gt;.png</c>, the layout training reads.</summary>
public static class TileSetWriter
{
    /// <summary>Largest per-class count accepted, to keep a mistyped number from filling the disk.</summary>
    public const int MaxPerClass = 100_000;

    /// <summary>File name (without extension) of tile <paramref name="index"/> of a class: <c>forest_00012</c>.</summary>
    public static string TileId(LandCover cover, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cover.ToString().ToLowerInvariant()}_{index:D5}");

    /// <summary>Renders <paramref name="perClass"/> tiles of each class in parallel; returns how many were written.</summary>
    public static async Task<int> WriteAsync(string outDir, int perClass, int seed, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        if (perClass < 1 || perClass > MaxPerClass)
        {
            throw new ArgumentOutOfRangeException(nameof(perClass), perClass, $"per-class count must be between 1 and {MaxPerClass}.");
        }

        foreach (var cover in LabelScheme.Classes)
        {
            Directory.CreateDirectory(Path.Combine(outDir, cover.ToString()));
        }

        var jobs = LabelScheme.Classes.SelectMany(c => Enumerable.Range(0, perClass).Select(i => (Cover: c, Index: i)));
        var written = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = MachineCores.Count, CancellationToken = ct };
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
