using System.Diagnostics;
using LandUse.Geo.Tests.Support;
using LandUse.Geo.Tiling;

namespace LandUse.Geo.Tests.Tiling;

/// <summary>Runs alone so other tests' allocations do not show in this one's memory figures.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>A 10,000 x 10,000 4-band scene (400 MB of pixels) is tiled with memory that stays flat: bounded by a band of tile rows.</summary>
[Collection(nameof(RunsAlone))]
public sealed class StreamingMemoryTests : IDisposable
{
    private const int Side = 10_000;
    private const int Bands = 4;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Tiling_a_scene_far_larger_than_the_allowance_keeps_live_memory_and_working_set_flat()
    {
        var scene = _temp.Combine("big.tif");
        WriteBigScene(scene);
        using var process = Process.GetCurrentProcess();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;
        var live = new List<long>();

        var report = SceneTiler.Run([scene], _temp.Combine("tiles"), new TileOptions(),
            new InlineProgress(_ => live.Add(GC.GetTotalMemory(forceFullCollection: true) - baseline)), TestContext.Current.CancellationToken);

        process.Refresh();
        var peakGrowth = process.PeakWorkingSet64 - peakBefore;
        var sceneBytes = (long)Side * Side * Bands;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"scene {sceneBytes / 1e6:F0} MB of pixels; live heap growth max {live.Max() / 1e6:F1} MB, first {live[0] / 1e6:F1} MB, last {live[^1] / 1e6:F1} MB; peak working set growth {peakGrowth / 1e6:F1} MB");

        Assert.Equal((45, 45), (report.Rows, report.Cols));
        Assert.Equal((45 * 23) - 1, report.Written); // every other band of tile rows is empty; the 144 x 144 px corner tile is 59 % padding
        Assert.Equal(45, live.Count);
        Assert.True(live.Max() < sceneBytes / 8, $"live heap grew by {live.Max()} bytes while tiling a {sceneBytes}-byte scene");
        Assert.True(live[^1] - live[2] < 16_000_000, $"live heap kept growing: {live[2]} then {live[^1]} bytes");
        Assert.True(peakGrowth < sceneBytes / 2, $"peak working set grew by {peakGrowth} bytes while tiling a {sceneBytes}-byte scene");
    }

    /// <summary>Deflate strips of 16 rows; bands of 224 rows alternate between textured land and no data (zeros).</summary>
    private static void WriteBigScene(string path)
    {
        var patterns = Enumerable.Range(0, 4).Select(k =>
        {
            var row = new byte[Side * Bands];
            for (var x = 0; x < Side; x++)
            {
                var (r, g, b, n) = BlockPlan.Colour((Block)((x / 224) % 6), x, k, 0.5);
                (row[x * 4], row[(x * 4) + 1], row[(x * 4) + 2], row[(x * 4) + 3]) = (r, g, b, n);
            }

            return row;
        }).ToArray();
        var spec = new GeoTiffSpec { Width = Side, Height = Side, Bands = Bands, OriginX = 300_000, OriginY = 4_500_000 };
        GeoTiffWriter.Write(path, spec, (y, row) =>
        {
            if (y / 224 % 2 == 1)
            {
                Array.Clear(row);
            }
            else
            {
                patterns[y % 4].CopyTo(row, 0);
            }
        });
    }

    private sealed class InlineProgress(Action<TileProgress> report) : IProgress<TileProgress>
    {
        public void Report(TileProgress value) => report(value);
    }
}
