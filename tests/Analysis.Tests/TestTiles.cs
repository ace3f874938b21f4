using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests;

/// <summary>Tiles for tests, generated from plain numbers so FsCheck can drive them.</summary>
internal static class TestTiles
{
    /// <summary>
    /// One tile per code: code mod 8 picks the prediction (6 and 7 = failed), (code / 8) mod 7 picks the truth (6 = unknown).
    /// </summary>
    public static List<TileResult> FromCodes(int[]? codes)
    {
        var tiles = new List<TileResult>();
        foreach (var (code, i) in (codes ?? []).Select((c, i) => (c, i)))
        {
            var u = (uint)code;
            var p = (int)(u % 8);
            var t = (int)(u / 8 % 7);
            tiles.Add(Tile(i, p < 6 ? (LandCover)p : null, t < 6 ? (LandCover)t : null));
        }

        return tiles;
    }

    public static TileResult Tile(int i, LandCover? predicted, LandCover? truth, int? row = null, int? col = null) => new(
        $"tiles/t{i}.png",
        $"t{i}",
        predicted,
        truth,
        predicted is null ? null : Enumerable.Range(0, 6).Select(k => k == (int)predicted ? 1f : 0f).ToArray(),
        predicted is null ? "decode failed" : null,
        row,
        col,
        null,
        null);

    public static TileResult Cell(int row, int col, LandCover? predicted, LandCover? truth = null, string folder = "tiles") => new(
        $"{folder}/r{row:0000}_c{col:0000}.png",
        $"r{row:0000}_c{col:0000}",
        predicted,
        truth,
        null,
        predicted is null ? "decode failed" : null,
        row,
        col,
        42.0 + (row * 0.002),
        -71.0 + (col * 0.003));
}
