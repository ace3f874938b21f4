using System.Diagnostics;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Stores;

/// <summary>
/// Every entry a listing meets is either a tile, a counted problem, or not a tile at all; nothing a listing or a read
/// meets can block it (a FIFO named .png) or lead it out of the root.
/// </summary>
public sealed class EntryRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fifo_named_png_is_listed_as_a_problem_and_neither_the_walk_nor_a_read_blocks_on_it()
    {
        using var folder = new TempFolder();
        folder.File("a.png", [1]);
        MakeFifo(Path.Combine(folder.Path, "pipe.png"));
        MakeFifo(Path.Combine(folder.Path, "tiles.csv"));
        var store = new LocalFolderTileStore(folder.Path);

        var page = await store.ListPageAsync(null, 10, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var read = await Assert.ThrowsAsync<IOException>(() => store.ReadAsync("pipe.png", Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));
        var side = await Assert.ThrowsAsync<IOException>(() => store.TryReadFileAsync("tiles.csv", Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.Equal(["a.png", "pipe.png"], page.Tiles.Select(t => t.Ref).ToArray());
        Assert.StartsWith("NotARegularFile: tile 'pipe.png' is a FIFO (named pipe)", page.Tiles[1].Problem, StringComparison.Ordinal);
        Assert.Contains("FIFO", read.Message, StringComparison.Ordinal);
        Assert.Contains("FIFO", side.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_symlink_and_a_file_over_the_cap_are_counted_problems()
    {
        using var folder = new TempFolder();
        folder.File("small.png", new byte[10]);
        folder.File("big.png", new byte[101]);
        File.CreateSymbolicLink(Path.Combine(folder.Path, "gone.png"), Path.Combine(folder.Path, "nowhere.png"));
        var store = new LocalFolderTileStore(folder.Path, new TileEntryRules(maxFileBytes: 100));

        var page = await store.ListPageAsync(null, 10, Ct);
        var read = await Assert.ThrowsAsync<IOException>(() => store.ReadAsync("big.png", Ct));

        Assert.Equal(["big.png", "gone.png", "small.png"], page.Tiles.Select(t => t.Ref).ToArray());
        Assert.StartsWith("TooLarge: tile 'big.png' is 101 bytes, more than the 100-byte limit", page.Tiles[0].Problem, StringComparison.Ordinal);
        Assert.StartsWith("BrokenSymlink: tile 'gone.png'", page.Tiles[1].Problem, StringComparison.Ordinal);
        Assert.Null(page.Tiles[2].Problem);
        Assert.Contains("100-byte limit", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_with_spaces_unicode_hash_and_percent_are_ordinary_tiles_and_a_backslash_is_a_problem()
    {
        using var folder = new TempFolder();
        string[] names = ["with space.png", "ünïcødé-瓦片.png", "hash#1.png", "50%.png", @"back\slash.png"];
        foreach (var name in names)
        {
            folder.File(name, [7]);
        }

        var store = new LocalFolderTileStore(folder.Path);
        var page = await store.ListPageAsync(null, 10, Ct);

        Assert.Equal(names.Order(StringComparer.Ordinal), page.Tiles.Select(t => t.Ref));
        Assert.All(page.Tiles.Where(t => !t.Ref.Contains('\\', StringComparison.Ordinal)), t => Assert.Null(t.Problem));
        Assert.StartsWith(@"BadName: tile 'back\slash.png' uses backslashes", page.Tiles.Single(t => t.Ref.Contains('\\', StringComparison.Ordinal)).Problem, StringComparison.Ordinal);
        foreach (var tile in page.Tiles.Where(t => t.Problem is null))
        {
            Assert.Equal([7], (await store.ReadAsync(tile.Ref, Ct)).Bytes.ToArray());
        }
    }

    [Theory]
    [InlineData("a/../b.png", "EscapesRoot")]
    [InlineData("../b.png", "EscapesRoot")]
    [InlineData("/etc/b.png", "BadName")]
    [InlineData(@"a\b.png", "BadName")]
    [InlineData("a//b.png", "BadName")]
    [InlineData("./b.png", "BadName")]
    [InlineData("a/./b.png", "BadName")]
    public void A_blob_name_that_is_not_a_clean_ref_is_a_problem_naming_the_rule(string name, string kind)
    {
        var entry = TileEntryRules.Default.Entry(name, "etag", 10);

        Assert.StartsWith($"{kind}: tile '{name}'", entry.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b.png")]
    [InlineData("2016/tiles/r0001_c0002.png")]
    [InlineData("with space/#1 50%.png")]
    public void A_clean_name_within_the_cap_has_no_problem(string name) =>
        Assert.Null(TileEntryRules.Default.Entry(name, "etag", 10).Problem);

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]) ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
