using LandUse.Analysis.Review;
using SkiaSharp;

namespace LandUse.Analysis.Tests.Review;

/// <summary>The 3 × 3 review thumbnails: tiles in their cells, blanks where a neighbour is missing or unreadable.</summary>
public sealed class NeighbourhoodImageTests
{
    [Fact]
    public void Each_tile_lands_in_its_cell_scaled_down_and_missing_cells_stay_blank()
    {
        var red = Png(224, new SKColor(200, 30, 30));
        var blue = Png(224, new SKColor(30, 30, 200));
        byte[]?[] cells = [red, null, null, null, blue, null, null, null, "not an image"u8.ToArray()];

        var jpeg = NeighbourhoodImage.Compose(cells, 40);

        using var image = SKBitmap.Decode(jpeg);
        Assert.Equal(SKEncodedImageFormat.Jpeg, SKCodec.Create(new SKMemoryStream(jpeg)).EncodedFormat);
        Assert.Equal((120, 120), (image.Width, image.Height));
        Near(new SKColor(200, 30, 30), image.GetPixel(20, 20));
        Near(new SKColor(30, 30, 200), image.GetPixel(60, 60));
        Near(new SKColor(0xE4, 0xE4, 0xE4), image.GetPixel(100, 20));
        Near(new SKColor(0xE4, 0xE4, 0xE4), image.GetPixel(100, 100));
        var outline = image.GetPixel(41, 60);
        Assert.True(outline.Red > 180 && outline.Green > 150 && outline.Blue < 120, $"the candidate's outline is yellow, got {outline}");
    }

    [Fact]
    public void A_neighbourhood_has_nine_cells()
    {
        Assert.Throws<ArgumentException>(() => NeighbourhoodImage.Compose(new byte[]?[8]));
    }

    [Fact]
    public void Cells_around_a_tile_are_row_major_and_none_off_the_top_left_edge()
    {
        var cells = Neighbourhood.Around(0, 5);

        Assert.Equal([null, null, null, (0, 4), (0, 5), (0, 6), (1, 4), (1, 5), (1, 6)], cells);
    }

    [Fact]
    public async Task Only_the_wanted_cells_are_looked_up()
    {
        List<LandUse.Analysis.Runs.TileResult> tiles = [TestTiles.Cell(0, 0, null), TestTiles.Cell(0, 1, null), TestTiles.Cell(5, 5, null)];

        var paths = await Neighbourhood.PathsAsync(tiles.ToAsyncEnumerable(), new HashSet<(int, int)> { (0, 1), (5, 5), (9, 9) }, TestContext.Current.CancellationToken);

        Assert.Equal(["tiles/r0000_c0001.png", "tiles/r0005_c0005.png"], paths.Values.Order(StringComparer.Ordinal));
    }

    private static void Near(SKColor expected, SKColor actual)
    {
        const int tolerance = 24;
        Assert.True(
            Math.Abs(expected.Red - actual.Red) <= tolerance && Math.Abs(expected.Green - actual.Green) <= tolerance && Math.Abs(expected.Blue - actual.Blue) <= tolerance,
            $"expected about {expected}, got {actual}");
    }

    private static byte[] Png(int side, SKColor color)
    {
        using var bitmap = new SKBitmap(side, side);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
