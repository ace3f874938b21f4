using LandUse.Analysis.Charts;
using LandUse.Analysis.Metrics;
using LandUse.Analysis.Summaries;

namespace LandUse.Analysis.Reports;

/// <summary>Report pieces both the run and the comparison pages use: development and accuracy tables.</summary>
internal static class ReportSections
{
    public static void Development(HtmlPage page, IEnumerable<(string Label, DevelopmentSummary Summary)> rows)
    {
        page.Table(
            ["labels", "developed", "cultivated", "undeveloped", "total"],
            rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Summary.Groups.Select(g => g.Format()), HtmlPage.Number(r.Summary.Total)]));
    }

    public static void DevelopmentByClass(HtmlPage page, DevelopmentSummary summary)
    {
        if (summary.Classes.Count == 0)
        {
            return;
        }

        page.Table(["class", "tiles"], summary.Classes.Select(c => (IReadOnlyList<string>)[c.Label, c.Format()]));
    }

    public static void Accuracy(HtmlPage page, ClassificationMetrics? six, ClassificationMetrics? three)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, m) in new[] { ("6 classes", six), ("3 groups", three) })
        {
            if (m is not null)
            {
                rows.Add([name, HtmlPage.Number(m.Total), HtmlPage.Percent(m.Accuracy), HtmlPage.Percent(m.BalancedAccuracy), HtmlPage.Fixed(m.Kappa)]);
            }
        }

        page.Table(["labels", "tiles with truth", "accuracy", "balanced accuracy", "Cohen's kappa"], rows);
    }

    public static void PerClass(HtmlPage page, ClassificationMetrics metrics)
    {
        page.Table(
            ["class", "precision", "recall", "F1", "truth tiles", "predicted tiles"],
            metrics.PerClass.Select(c => (IReadOnlyList<string>)
                [c.Label, HtmlPage.Fixed(c.Precision), HtmlPage.Fixed(c.Recall), HtmlPage.Fixed(c.F1), HtmlPage.Number(c.Support), HtmlPage.Number(c.Predicted)]));
    }

    public static void ConfusionTable(HtmlPage page, ConfusionTable table, string rowTitle)
    {
        page.Table(
            [rowTitle, .. table.Labels],
            table.Labels.Select((label, r) => (IReadOnlyList<string>)[label, .. table.Counts[r].Select(HtmlPage.Number)]));
    }

    public static byte[] Heatmap(ConfusionTable table, string title) =>
        ConfusionHeatmap.Render(table.ToMatrix(), table.Labels, title, table.Labels.Count > 3 ? new ChartSize(620, 480) : new ChartSize(420, 360));
}
