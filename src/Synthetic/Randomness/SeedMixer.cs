namespace LandUse.Synthetic.Randomness;

/// <summary>Derives independent per-tile seeds from a set seed and coordinates, so any tile can be rendered alone.</summary>
internal static class SeedMixer
{
    /// <summary>Mixes the parts into one well-spread 64-bit seed; order matters.</summary>
    public static ulong Derive(long seed, params ReadOnlySpan<long> parts)
    {
        var x = (ulong)seed ^ 0x9E3779B97F4A7C15UL;
        var h = SplitMix(ref x);
        foreach (var part in parts)
        {
            x = h ^ (ulong)part;
            h = SplitMix(ref x) ^ (h * 0xBF58476D1CE4E5B9UL);
        }

        return h;
    }

    /// <summary>One SplitMix64 step: advances the state and returns a mixed value.</summary>
    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
