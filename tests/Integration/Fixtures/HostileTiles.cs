using LandUse.Scoring.Imaging;
using LandUse.TestSupport;

namespace LandUse.Integration.Fixtures;

/// <summary>One file of the hostile set: its ref, and the start of its error row's reason (null: it must score).</summary>
internal sealed record HostileTile(string Ref, string? Problem)
{
    public bool Scores => Problem is null;
}

/// <summary>
/// The hostile-input set of issue 18, written by the test: files other tools leave in a tile folder (empty, cut short,
/// random bytes, lying headers, huge images, a file over the size cap, every PNG/JPEG layout, a 1 x 1 image, awkward
/// names) and, for folders only, a symlink out of the root (a file and a folder) and a FIFO named <c>.png</c>. Each entry
/// says whether it must score or which reason its error row must give.
/// </summary>
internal static class HostileTiles
{
    /// <summary>A good tile whose name gives its grid cell (row 2, column 3).</summary>
    public const string GridTile = "grid/r2_c3.png";

    /// <summary>Writes the set into <paramref name="folder"/> (files only when <paramref name="withFileSystemEntries"/> is false).</summary>
    public static IReadOnlyList<HostileTile> Write(string folder, bool withFileSystemEntries, string outside)
    {
        var tiles = new List<HostileTile>();
        void Add(string name, byte[] bytes, string? problem)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            tiles.Add(new HostileTile(name, problem is null ? null : $"{problem}: tile '{name}'"));
        }

        var good = Smooth(64, 64);
        Add("zero.png", [], "Empty");
        Add("truncated.png", good[..(good.Length * 2 / 3)], "Truncated");
        Add("random.png", RandomBytes(5000, seed: 18), "Unsupported");
        Add("claims-100000px.png", RawPng.LyingHeader(100_000, 100_000), "Oversize");
        Add("over-cap.png", OverCap(), "TooLarge");
        Add("valid-9000px.png", Huge(9000), null);
        Add("rgb16.png", RawPng.Build(32, 32, 2, 16, Rows(32, 32, 6, (x, y, i) => (byte)((x * 8) + i + y))), null);
        Add("grey.png", RawPng.Build(32, 32, 0, 8, Rows(32, 32, 1, (x, y, _) => (byte)(x + (y * 4)))), null);
        Add("palette.png", RawPng.Build(32, 32, 3, 8, Rows(32, 32, 1, (x, y, _) => (byte)((x + y) % 4)), [20, 120, 20, 200, 200, 200, 30, 30, 160, 90, 60, 30]), null);
        Add("rgba.png", RawPng.Build(32, 32, 6, 8, Rows(32, 32, 4, (x, y, i) => i == 3 ? (byte)255 : (byte)((x * 5) + (y * i)))), null);
        Add("cmyk.jpg", RawJpeg.Build(32, 32, 4, JpegLayout.Baseline, (bx, by) => [(byte)(60 + (bx * 20)), 100, (byte)(40 + (by * 30)), 230]), null);
        Add("progressive.jpg", RawJpeg.Build(32, 32, 3, JpegLayout.Progressive, (bx, by) => [(byte)(40 + (bx * 40)), 140, (byte)(200 - (by * 40))]), null);
        Add("one-pixel.png", RawPng.Build(1, 1, 2, 8, [[30, 160, 40]]), null);
        Add("with space.png", good, null);
        Add("ünïcødé-瓦片.png", good, null);
        Add("hash#1.png", good, null);
        Add("100%.png", good, null);
        Add("two..dots.png", good, null);
        Add("nested/deeper/tile.png", good, null);
        Add(GridTile, good, null);

        if (withFileSystemEntries)
        {
            Directory.CreateDirectory(outside);
            var secret = Path.Combine(outside, "secret.png");
            File.WriteAllBytes(secret, good);
            File.CreateSymbolicLink(Path.Combine(folder, "outside.png"), secret);
            tiles.Add(new HostileTile("outside.png", "SymlinkOutsideRoot: tile 'outside.png'"));
            Directory.CreateSymbolicLink(Path.Combine(folder, "outside-folder"), outside);
            tiles.Add(new HostileTile("outside-folder", "SymlinkOutsideRoot: tile 'outside-folder'"));
            Fifo(Path.Combine(folder, "pipe.png"));
            tiles.Add(new HostileTile("pipe.png", "NotARegularFile: tile 'pipe.png'"));
        }

        return tiles;
    }

    // A smooth 8-bit RGB gradient, deflated well.
    private static byte[] Smooth(int width, int height) =>
        RawPng.Build(width, height, 2, 8, Rows(width, height, 3, (x, y, i) => (byte)((x * 3) + (y * 2) + (i * 40))));

    private static byte[][] Rows(int width, int height, int channels, Func<int, int, int, byte> sample) =>
        [.. Enumerable.Range(0, height).Select(y => Enumerable.Range(0, width * channels).Select(k => sample(k / channels, y, k % channels)).ToArray())];

    private static byte[] Huge(int side)
    {
        using var stream = new MemoryStream();
        RawPng.WriteRows(stream, side, side, (y, row) =>
        {
            for (var x = 0; x < side; x++)
            {
                (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]) = ((byte)(x / 64), (byte)(y / 64), 90);
            }
        });
        return stream.ToArray();
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0; // Neither a PNG nor a JPEG signature.
        return bytes;
    }

    // A PNG signature followed by zeros, one byte over the cap: it must be refused from its size, never read.
    private static byte[] OverCap()
    {
        var bytes = new byte[TileLimits.MaxFileBytes + 1];
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    private static void Fifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]) ?? throw new InvalidOperationException("Could not run mkfifo.");
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
