using LandUse.Analysis.Change;
using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Change;

/// <summary>
/// A comparison reads each run a few times and keeps grid cells and candidates, never a record per tile. It runs alone:
/// the heap it samples is the whole process's, so tests allocating beside it would count against it.
/// </summary>
[Collection(nameof(BoundedComparisonTests))]
[CollectionDefinition(nameof(BoundedComparisonTests), DisableParallelization = true)]
public sealed class BoundedComparisonTests
{
    private const int Side = 448;

    [Fact]
    public async Task A_200k_tile_comparison_reads_each_run_three_times_and_holds_far_less_than_its_tiles()
    {
        var oneRunBytes = OneRunHeldWhole();
        var a = new Generated(0);
        var b = new Generated(1);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var result = await ChangeDetector.DetectAsync("a", a.Rows, "b", b.Rows, new ChangeOptions { Smooth = true }, TestContext.Current.CancellationToken);

        Assert.Equal(Side * Side, result.Summary.Joined);
        Assert.Equal(180, result.Summary.CandidateCount);
        Assert.Equal((3, 3), (a.Reads, b.Reads));
        var peak = Math.Max(a.Peak, b.Peak) - baseline;
        Assert.True(oneRunBytes > 20_000_000, $"one run held whole takes {oneRunBytes:N0} bytes");
        Assert.True(peak < oneRunBytes / 20, $"peak growth while comparing {peak:N0} bytes; one run held whole takes {oneRunBytes:N0}");
    }

    /// <summary>What holding one run whole costs: the same generated rows in a list.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long OneRunHeldWhole()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = Generated.Tiles(0).ToList();
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(held);
        return bytes;
    }

    /// <summary>
    /// A 448 × 448 forest (200,704 tiles with probabilities); run B has 45 developed 2 × 2 blocks (180 candidates that
    /// survive smoothing). Every 10,000 rows it samples the heap after a full collection: the detector's state then.
    /// </summary>
    private sealed class Generated(int run)
    {
        public int Reads { get; private set; }

        public long Peak { get; private set; }

        public TileRows Rows => new(_ => Read().ToAsyncEnumerable());

        public static IEnumerable<TileResult> Tiles(int run)
        {
            for (var i = 0; i < Side * Side; i++)
            {
                var (row, col) = (i / Side, i % Side);
                var developed = run == 1 && row % 40 < 2 && col % 50 < 2 && (row / 40 * 10) + (col / 50) < 50;
                var label = developed ? LandCover.Developed : LandCover.Forest;
                var p = new float[6];
                p[(int)label] = 0.9f;
                p[(int)LandCover.Shrub] += 0.1f;
                yield return new TileResult($"tiles/{run}/r{row:0000}_c{col:0000}.png", $"r{row:0000}_c{col:0000}", label, null, p, null, row, col, null, null);
            }
        }

        private IEnumerable<TileResult> Read()
        {
            Reads++;
            var n = 0;
            foreach (var tile in Tiles(run))
            {
                if (n++ % 10_000 == 0)
                {
                    Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: true));
                }

                yield return tile;
            }
        }
    }
}
