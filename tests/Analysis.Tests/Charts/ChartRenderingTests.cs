using LandUse.Analysis.Charts;
using LandUse.Analysis.Metrics;
using LandUse.Scoring.Labels;
using SkiaSharp;

namespace LandUse.Analysis.Tests.Charts;

public sealed class ChartRenderingTests
{
    [Fact]
    public void Confusion_heat_map_is_a_png_of_the_requested_size_with_more_than_one_colour()
    {
        var matrix = ConfusionMatrix.ForClasses();
        matrix.Add(LandCover.Forest, LandCover.Forest);
        matrix.Add(LandCover.Forest, LandCover.Shrub);
        matrix.Add(LandCover.Developed, LandCover.Developed);

        var png = ConfusionHeatmap.Render(matrix, LabelScheme.ClassNames, "6-class confusion", new ChartSize(400, 300));

        AssertVariedPng(png, 400, 300);
    }

    [Fact]
    public void Class_bar_chart_is_a_png_with_more_than_one_colour()
    {
        var png = ClassBarChart.Classes([1, 20, 3, 40, 5, 60], "tiles per class", new ChartSize(400, 300));

        AssertVariedPng(png, 400, 300);
    }

    [Fact]
    public void Chart_text_is_drawn_with_a_registered_font()
    {
        long[] counts = [1, 2, 3];
        var untitled = ClassBarChart.Groups(counts, "", new ChartSize(300, 200));
        var titled = ClassBarChart.Groups(counts, "Predicted tiles per group", new ChartSize(300, 200));

        Assert.NotNull(ChartFonts.FontFile);
        using var a = SKBitmap.Decode(untitled);
        using var b = SKBitmap.Decode(titled);
        Assert.NotEqual(a.Pixels, b.Pixels);
    }

    [Fact]
    public void Heat_map_draws_the_diagonal_dark_and_truth_rows_from_top_to_bottom()
    {
        // All tiles on the diagonal: diagonal cells dark, off-diagonal white; row 0 at the top left.
        var matrix = ConfusionMatrix.FromCounts(3, [5, 0, 0, 0, 5, 0, 0, 0, 5]);

        using var image = SKBitmap.Decode(ConfusionHeatmap.Render(matrix, LabelScheme.GroupNames, "", new ChartSize(400, 400)));

        // Sample a quarter of the way in from each cell's corner to avoid the count text in the middle.
        var (left, top, right, bottom) = DataArea(image);
        var cell = (right - left) / 3.0;
        SKColor At(int row, int col) => image.GetPixel(left + (int)((col + 0.25) * cell), top + (int)((row + 0.25) * (bottom - top) / 3.0));
        Assert.True(At(0, 0).Blue < 160 && At(0, 0).Red < 60, $"top-left cell should be dark, was {At(0, 0)}");
        Assert.True(At(0, 2).Red > 230, $"top-right cell should be white, was {At(0, 2)}");
        Assert.True(At(2, 0).Red > 230, $"bottom-left cell should be white, was {At(2, 0)}");
    }

    private static (int Left, int Top, int Right, int Bottom) DataArea(SKBitmap image)
    {
        // The data area is the bounding box of the dark diagonal cells' colour family (blue-dominant pixels).
        int left = image.Width, top = image.Height, right = 0, bottom = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = image.GetPixel(x, y);
                if (p.Blue > 90 && p.Red < 30 && p.Green < 70)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }
            }
        }

        return (left, top, right, bottom);
    }

    internal static void AssertVariedPng(byte[] png, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        Assert.True(bitmap.Pixels.Distinct().Count() > 2, "chart has fewer than three distinct colours");
    }
}
