namespace LandUse.Synthetic.Randomness;

/// <summary>
/// A small deterministic generator (xoshiro256**) owned by one tile, so tiles render in parallel and
/// the same seed gives the same pixels on every run and platform, unlike System.Random's shared state.
/// </summary>
internal sealed class TileRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public TileRandom(ulong seed)
    {
        var x = seed;
        s0 = SeedMixer.SplitMix(ref x);
        s1 = SeedMixer.SplitMix(ref x);
        s2 = SeedMixer.SplitMix(ref x);
        s3 = SeedMixer.SplitMix(ref x);
    }

    public ulong NextULong()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public float Range(double min, double max) => (float)(min + (NextDouble() * (max - min)));

    /// <summary>Uniform integer in [min, maxExclusive).</summary>
    public int Int(int min, int maxExclusive) =>
        maxExclusive <= min ? min : min + (int)(NextDouble() * (maxExclusive - min));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal sample (Box-Muller).</summary>
    public float Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count)];

    /// <summary>A child generator for a sub-task, independent of how much this one is used afterwards.</summary>
    public TileRandom Fork() => new(NextULong());

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
