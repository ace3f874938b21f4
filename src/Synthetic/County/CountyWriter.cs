using System.Globalization;
using System.Text;
using LandUse.Synthetic.Randomness;
using LandUse.Synthetic.Tiles;

namespace LandUse.Synthetic.County;

/// <summary>
/// Writes a county plan as two years of tiles (<c>DIR/&lt;year&gt;/r&lt;row&gt;_c&lt;col&gt;.png</c>) with a
/// <c>tiles.csv</c> index per year. A place keeps its layout across years while its class is unchanged, but is
/// re-lit (other sun, haze, colour, noise), so change detection has to see through the look.
/// </summary>
public static class CountyWriter
{
    /// <summary>Header of each year's index; the contract other tools read.</summary>
    public const string IndexHeader = "id,row,col,label";

    /// <summary>Plans and writes a county; returns the plan (the truth, including the changed cells).</summary>
    public static async Task<CountyPlan> GenerateAsync(string outDir, int rows, int cols, int seed, IProgress<int>? progress, CancellationToken ct, int maxParallelism = 0)
    {
        var plan = CountyPlanner.Plan(rows, cols, seed);
        await WriteAsync(plan, outDir, progress, ct, maxParallelism).ConfigureAwait(false);
        return plan;
    }

    /// <summary>Writes both years of the plan under <paramref name="outDir"/> on <paramref name="maxParallelism"/> threads (default: the processor count).</summary>
    public static async Task WriteAsync(CountyPlan plan, string outDir, IProgress<int>? progress, CancellationToken ct, int maxParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var written = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount, CancellationToken = ct };
        foreach (var year in CountyPlan.Years)
        {
            var yearDir = Path.Combine(outDir, year.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(yearDir);
            var tiles = plan.TilesOf(year);
            await Parallel.ForEachAsync(tiles, options, async (tile, token) =>
            {
                var scene = SeedMixer.Derive(plan.Seed, 0x5CE7E, tile.Row, tile.Col, (long)tile.Label);
                var look = SeedMixer.Derive(plan.Seed, 0x100C, year, tile.Row, tile.Col);
                var png = TileGenerator.RenderPng(tile.Label, scene, look);
                await File.WriteAllBytesAsync(Path.Combine(yearDir, tile.Id + ".png"), png, token).ConfigureAwait(false);
                var done = Interlocked.Increment(ref written);
                progress?.Report(done);
            }).ConfigureAwait(false);

            var index = new StringBuilder().Append(IndexHeader).Append('\n');
            foreach (var tile in tiles)
            {
                index.Append(CultureInfo.InvariantCulture, $"{tile.Id},{tile.Row},{tile.Col},{tile.Label}\n");
            }

            await File.WriteAllTextAsync(Path.Combine(yearDir, "tiles.csv"), index.ToString(), ct).ConfigureAwait(false);
        }
    }
}
