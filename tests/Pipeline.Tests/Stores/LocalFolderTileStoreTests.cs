using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Stores;

public sealed class LocalFolderTileStoreTests : IDisposable
{
    // Property bodies run after the method returns, so the property test's folder lives as long as the test class.
    private readonly TempFolder _pagedFolder = new();

    private static readonly string[] Layout =
    [
        "a.png", "a/b.png", "a/c/d.jpg", "a.b/e.png", "a-z.png", "B.png", "z/y/x/w.jpeg", "z/notes.txt", "z/tiles.csv", "m/n.PNG",
    ];

    [Fact]
    public async Task Listing_returns_images_only_in_ordinal_order_of_refs()
    {
        using var folder = new TempFolder();
        foreach (var file in Layout)
        {
            folder.File(file);
        }

        var store = new LocalFolderTileStore(folder.Path);
        var page = await store.ListPageAsync(null, 100, TestContext.Current.CancellationToken);

        var expected = Layout.Where(TileRefs.IsImage).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, page.Tiles.Select(t => t.Ref).ToArray());
        Assert.Null(page.ContinuationToken);
    }

    [Property(MaxTest = 25)]
    public Property Pages_of_any_size_concatenate_to_the_full_listing_without_gaps_or_repeats()
    {
        var folder = _pagedFolder;
        foreach (var file in Layout)
        {
            folder.File(file);
        }

        for (var i = 0; i < 40; i++)
        {
            folder.File($"g{i % 3}/t{i:D3}.png");
        }

        var store = new LocalFolderTileStore(folder.Path);
        var all = store.ListPageAsync(null, 10_000, CancellationToken.None).GetAwaiter().GetResult().Tiles.Select(t => t.Ref).ToArray();
        return Prop.ForAll(Gen.Choose(1, 17).ToArbitrary(), size =>
        {
            var refs = new List<string>();
            string? token = null;
            do
            {
                var page = store.ListPageAsync(token, size, CancellationToken.None).GetAwaiter().GetResult();
                Assert.True(page.Tiles.Count <= size);
                Assert.True(page.ContinuationToken is null || page.Tiles.Count == size);
                refs.AddRange(page.Tiles.Select(t => t.Ref));
                token = page.ContinuationToken;
            }
            while (token is not null);

            return refs.SequenceEqual(all);
        });
    }

    [Fact]
    public async Task A_symlink_out_of_the_root_is_listed_as_a_counted_problem_and_never_read()
    {
        using var outside = new TempFolder();
        using var folder = new TempFolder();
        var secret = outside.File("secret.png");
        folder.File("inside.png");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "leak.png"), secret);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), outside.Path);
        var store = new LocalFolderTileStore(folder.Path);
        var ct = TestContext.Current.CancellationToken;

        var page = await store.ListPageAsync(null, 100, ct);

        Assert.Equal(["inside.png", "leak.png", "linked"], page.Tiles.Select(t => t.Ref).ToArray());
        Assert.Null(page.Tiles[0].Problem);
        Assert.StartsWith("SymlinkOutsideRoot: tile 'leak.png' is a symlink that leads outside the tile folder", page.Tiles[1].Problem, StringComparison.Ordinal);
        Assert.StartsWith("SymlinkOutsideRoot: tile 'linked' is a symlink to a folder outside", page.Tiles[2].Problem, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.ReadAsync("leak.png", ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.ReadAsync("linked/secret.png", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync("../" + Path.GetFileName(outside.Path) + "/secret.png", ct));
    }

    [Fact]
    public async Task A_symlink_inside_the_root_can_be_read()
    {
        using var folder = new TempFolder();
        folder.File("real/a.png", [9, 9]);
        File.CreateSymbolicLink(Path.Combine(folder.Path, "alias.png"), Path.Combine(folder.Path, "real", "a.png"));
        var store = new LocalFolderTileStore(folder.Path);

        var content = await store.ReadAsync("alias.png", TestContext.Current.CancellationToken);

        Assert.Equal(new byte[] { 9, 9 }, content.Bytes.ToArray());
    }

    [Fact]
    public async Task Content_version_changes_when_the_file_changes()
    {
        using var folder = new TempFolder();
        var path = folder.File("a.png", [1]);
        var store = new LocalFolderTileStore(folder.Path);
        var ct = TestContext.Current.CancellationToken;
        var before = (await store.ReadAsync("a.png", ct)).Version;

        await File.WriteAllBytesAsync(path, [1, 2], ct);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        Assert.NotEqual(before, (await store.ReadAsync("a.png", ct)).Version);
        Assert.Equal((await store.ListPageAsync(null, 10, ct)).Tiles[0].Version, (await store.ReadAsync("a.png", ct)).Version);
    }

    [Fact]
    public void A_missing_folder_is_an_error_naming_it()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new LocalFolderTileStore("/no/such/tiles"));
        Assert.Contains("/no/such/tiles", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _pagedFolder.Dispose();
}
