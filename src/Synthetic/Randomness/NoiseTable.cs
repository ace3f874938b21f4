namespace LandUse.Synthetic.Randomness;

/// <summary>
/// A fixed table of standard-normal samples: per-pixel sensor noise needs ~200k normals a tile, and four
/// table look-ups from one 64-bit draw are far cheaper than Box-Muller while staying deterministic.
/// </summary>
internal static class NoiseTable
{
    public const int Mask = 4095;

    public static readonly float[] Normals = Build();

    private static float[] Build()
    {
        var random = new TileRandom(0x5EED_0F_A015EUL);
        var table = new float[Mask + 1];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = random.Normal();
        }

        return table;
    }
}
