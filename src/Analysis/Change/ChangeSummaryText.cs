using System.Globalization;
using System.Text;

namespace LandUse.Analysis.Change;

/// <summary>A comparison as terminal text: the transition matrix, the candidate count and, when truth is known, precision and recall.</summary>
public static class ChangeSummaryText
{
    public static string Format(ChangeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var labels = summary.Transitions.Labels;
        var width = Math.Max(12, labels.Max(l => l.Length) + 2);
        text.Append(inv, $"Transitions (rows = {summary.RunA}, columns = {summary.RunB}{(summary.Smoothed ? ", smoothed" : "")}):\n");
        text.Append(new string(' ', width));
        foreach (var label in labels)
        {
            text.Append(label.PadLeft(width));
        }

        text.Append('\n');
        for (var r = 0; r < labels.Count; r++)
        {
            text.Append(labels[r].PadRight(width));
            foreach (var count in summary.Transitions.Counts[r])
            {
                text.Append(count.ToString("N0", inv).PadLeft(width));
            }

            text.Append('\n');
        }

        text.Append(inv, $"Candidates {summary.From} -> {summary.To}: {summary.CandidateCount:N0} of {summary.Joined:N0} tiles in both runs\n");
        if (summary.Accuracy is { } a)
        {
            text.Append(inv, $"Against truth change ({a.Evaluated:N0} tiles with truth in both runs, {a.TruthChanges:N0} changed): precision {ChangeAccuracy.Format(a.Precision, "0.000")}, recall {ChangeAccuracy.Format(a.Recall, "0.000")}\n");
        }

        return text.ToString();
    }
}
