using System.Text;

namespace LandUse.Analysis.Summaries;

/// <summary>Prints development summaries side by side as the study's Markdown table (one row per labelling).</summary>
public static class DevelopmentTable
{
    /// <summary>"| labels | developed | cultivated | undeveloped |" then one row per (label, summary).</summary>
    public static string ToMarkdown(IEnumerable<(string Label, DevelopmentSummary Summary)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append("| labels | developed | cultivated | undeveloped |\n");
        text.Append("|---|---|---|---|\n");
        foreach (var (label, summary) in rows)
        {
            text.Append("| ").Append(label);
            foreach (var group in summary.Groups)
            {
                text.Append(" | ").Append(group.Format());
            }

            text.Append(" |\n");
        }

        return text.ToString();
    }
}
