using LandUse.Analysis.Maps;
using LandUse.Scoring.Labels;
using ScottPlot;

namespace LandUse.Analysis.Charts;

/// <summary>Bar charts of tiles per class or per group, coloured by group as the maps are.</summary>
public static class ClassBarChart
{
    /// <summary>One bar per class (six), coloured by the class's group.</summary>
    public static byte[] Classes(IReadOnlyList<long> classCounts, string title, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(classCounts);
        var colors = LabelScheme.Classes.Select(c => MapColors.Of(LabelScheme.GroupOf(c))).ToArray();
        return Render(classCounts, LabelScheme.ClassNames, colors.Select(c => new Color(c.Red, c.Green, c.Blue)).ToArray(), title, size);
    }

    /// <summary>One bar per group (Developed, Cultivated, Undeveloped).</summary>
    public static byte[] Groups(IReadOnlyList<long> groupCounts, string title, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(groupCounts);
        var colors = LabelScheme.Groups.Select(g => MapColors.Of(g)).ToArray();
        return Render(groupCounts, LabelScheme.GroupNames, colors.Select(c => new Color(c.Red, c.Green, c.Blue)).ToArray(), title, size);
    }

    private static byte[] Render(IReadOnlyList<long> counts, IReadOnlyList<string> labels, Color[] colors, string title, ChartSize? size)
    {
        if (counts.Count != labels.Count)
        {
            throw new ArgumentException($"Got {counts.Count} counts for {labels.Count} labels.", nameof(counts));
        }

        size ??= ChartSize.Default;
        ChartFonts.EnsureLoaded();
        using var plot = new Plot();
        var bars = new List<Bar>(counts.Count);
        for (var i = 0; i < counts.Count; i++)
        {
            bars.Add(new Bar
            {
                Position = i,
                Value = counts[i],
                FillColor = colors[i],
                LineColor = Colors.Black,
                LineWidth = 1,
                Label = counts[i].ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, counts.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Axes.Left.Label.Text = "tiles";
        plot.Title(title);
        return plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png);
    }
}
