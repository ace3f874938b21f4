using LandUse.Synthetic.Tiles;
using LandUse.TestSupport;

namespace LandUse.Synthetic.Tests.Tiles;

public sealed class TileSetWriterTests
{
    [Fact]
    public async Task Writes_label_folders_with_per_class_png_tiles()
    {
        using var temp = new TempFolder();
        var written = await TileSetWriter.WriteAsync(temp.Path, 3, 4, null, TestContext.Current.CancellationToken);

        Assert.Equal(18, written);
        Assert.Equal(TileClasses.All.Select(c => c.ToString()).Order(StringComparer.Ordinal), Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var cover in TileClasses.All)
        {
            var files = Directory.GetFiles(Path.Combine(temp.Path, cover.ToString())).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(Enumerable.Range(0, 3).Select(i => TileSetWriter.TileId(cover, i) + ".png"), files);
            var png = await File.ReadAllBytesAsync(Path.Combine(temp.Path, cover.ToString(), files[0]!), TestContext.Current.CancellationToken);
            Assert.Equal((224, 224, 8, 2), Png.Header(png));
        }
    }

    [Fact]
    public async Task Same_seed_writes_identical_files_and_another_seed_different_ones()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        using var c = new TempFolder();
        var ct = TestContext.Current.CancellationToken;
        await TileSetWriter.WriteAsync(a.Path, 2, 9, null, ct);
        await TileSetWriter.WriteAsync(b.Path, 2, 9, null, ct);
        await TileSetWriter.WriteAsync(c.Path, 2, 10, null, ct);
        var relative = Path.Combine("Forest", TileSetWriter.TileId(TileClass.Forest, 1) + ".png");

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a.Path, relative), ct), await File.ReadAllBytesAsync(Path.Combine(b.Path, relative), ct));
        Assert.NotEqual(await File.ReadAllBytesAsync(Path.Combine(a.Path, relative), ct), await File.ReadAllBytesAsync(Path.Combine(c.Path, relative), ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(TileSetWriter.MaxPerClass + 1)]
    public async Task Per_class_count_out_of_range_is_refused_naming_it(int perClass)
    {
        using var temp = new TempFolder();
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TileSetWriter.WriteAsync(temp.Path, perClass, 1, null, TestContext.Current.CancellationToken));
        Assert.Equal("perClass", error.ParamName);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
