using System.Globalization;
using LandUse.Analysis.Metrics;
using ScottPlot;

namespace LandUse.Analysis.Charts;

/// <summary>
/// A confusion matrix as a heat map (rows = truth, columns = predicted) with each cell's count written on it;
/// colour is the share of the truth row, so classes of very different sizes read alike.
/// </summary>
public static class ConfusionHeatmap
{
    public static byte[] Render(ConfusionMatrix matrix, IReadOnlyList<string> labels, string title, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(labels);
        size ??= ChartSize.Default;
        var n = matrix.Size;
        var shares = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            var rowSum = matrix.RowSum(t);
            for (var p = 0; p < n; p++)
            {
                shares[t, p] = rowSum == 0 ? 0 : (double)matrix[t, p] / rowSum;
            }
        }

        ChartFonts.EnsureLoaded();
        using var plot = new Plot();
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([Colors.White, new Color(8, 48, 107)]);
        heatmap.ManualRange = new ScottPlot.Range(0, 1);

        // ScottPlot draws data row 0 at the top with cells centred on integer coordinates: row t sits at y = n - 1 - t.

        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                var text = plot.Add.Text(matrix[t, p].ToString("N0", CultureInfo.InvariantCulture), p, n - 1 - t);
                text.LabelFontSize = n > 4 ? 12 : 16;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = shares[t, p] > 0.5 ? Colors.White : Colors.Black;
            }
        }

        var ticks = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, labels.ToArray());
        plot.Axes.Left.SetTicks(ticks.Select(y => n - 1 - y).ToArray(), labels.ToArray());
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Axes.Bottom.Label.Text = "predicted";
        plot.Axes.Left.Label.Text = "truth";
        plot.Title(title);
        return plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png);
    }
}
