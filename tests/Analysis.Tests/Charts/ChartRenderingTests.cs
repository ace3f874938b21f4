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

    internal static void AssertVariedPng(byte[] png, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        Assert.True(bitmap.Pixels.Distinct().Count() > 2, "chart has fewer than three distinct colours");
    }
}
