using FsCheck.Xunit;
using LandUse.Synthetic.Randomness;

namespace LandUse.Synthetic.Tests.Tiles;

public sealed class TileRandomTests
{
    [Property]
    public bool Range_and_int_stay_within_their_bounds(ulong seed, short low, byte width)
    {
        var r = new TileRandom(seed);
        var max = low + width + 1;
        for (var i = 0; i < 50; i++)
        {
            var f = r.Range(low, max);
            var n = r.Int(low, max);
            var d = r.NextDouble();
            if (f < low || f > max || n < low || n >= max || d < 0 || d >= 1)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Same_seed_gives_the_same_sequence(ulong seed)
    {
        var a = new TileRandom(seed);
        var b = new TileRandom(seed);
        return Enumerable.Range(0, 20).All(_ => a.NextULong() == b.NextULong());
    }

    [Fact]
    public void Normal_samples_have_zero_mean_and_unit_spread()
    {
        var r = new TileRandom(99);
        var samples = Enumerable.Range(0, 20_000).Select(_ => (double)r.Normal()).ToArray();
        var mean = samples.Average();
        var sd = Math.Sqrt(samples.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(sd, 0.97, 1.03);
    }
}
