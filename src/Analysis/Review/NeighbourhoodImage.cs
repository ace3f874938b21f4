using LandUse.Scoring.Imaging;
using SkiaSharp;

namespace LandUse.Analysis.Review;

/// <summary>
/// A review thumbnail: a tile and its 8 neighbours as one 3 × 3 mosaic (row-major, the tile in the middle, outlined),
/// each tile scaled down through the one <see cref="TileDecoder"/>; a missing or unreadable neighbour stays blank. JPEG,
/// so 1,000 candidates stay a few megabytes.
/// </summary>
public static class NeighbourhoodImage
{
    public const int DefaultCellPixels = 80;

    private const int JpegQuality = 82;
    private static readonly SKColor Blank = new(0xE4, 0xE4, 0xE4);
    private static readonly SKColor Outline = new(0xFF, 0xD4, 0x00);

    /// <summary>The mosaic's side in pixels for a cell size.</summary>
    public static int Side(int cellPixels = DefaultCellPixels) => 3 * cellPixels;

    /// <param name="cells">Nine tiles, row-major from the top-left neighbour; null bytes for a cell without a tile.</param>
    /// <param name="cellPixels">Side of one tile in the mosaic.</param>
    public static byte[] Compose(IReadOnlyList<byte[]?> cells, int cellPixels = DefaultCellPixels)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != 9)
        {
            throw new ArgumentException($"A neighbourhood has 9 cells, got {cells.Count}.", nameof(cells));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(cellPixels, 8);
        var decoder = new TileDecoder(InputSpec.Rgb255(cellPixels, cellPixels));
        var side = Side(cellPixels);
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(Blank);
        var planes = new float[decoder.Spec.TensorLength];
        for (var i = 0; i < 9; i++)
        {
            if (cells[i] is { } bytes && decoder.Decode("neighbour", bytes, planes).Succeeded)
            {
                Paint(bitmap, planes, cellPixels, (i % 3) * cellPixels, (i / 3) * cellPixels);
            }
        }

        using (var canvas = new SKCanvas(bitmap))
        using (var pen = new SKPaint { Color = Outline, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = false })
        {
            canvas.DrawRect(cellPixels + 1.5f, cellPixels + 1.5f, cellPixels - 3, cellPixels - 3, pen);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return data.ToArray();
    }

    private static void Paint(SKBitmap bitmap, float[] planes, int cell, int left, int top)
    {
        var pixels = bitmap.GetPixelSpan();
        var area = cell * cell;
        for (var y = 0; y < cell; y++)
        {
            var row = pixels.Slice(((top + y) * bitmap.RowBytes) + (left * 4), cell * 4);
            for (var x = 0; x < cell; x++)
            {
                var at = (y * cell) + x;
                row[x * 4] = Byte(planes[at]);
                row[(x * 4) + 1] = Byte(planes[area + at]);
                row[(x * 4) + 2] = Byte(planes[(2 * area) + at]);
                row[(x * 4) + 3] = 255;
            }
        }
    }

    private static byte Byte(float value) => (byte)Math.Clamp(MathF.Round(value), 0, 255);
}
