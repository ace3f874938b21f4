using System.Globalization;
using LandUse.Analysis.Change;
using LandUse.Analysis.Metrics;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;
using Spectre.Console;

namespace LandUse.Cli.Demo;

/// <summary>The demo's closing summary: accuracy, the development table of both years, change counts and report paths.</summary>
internal static class DemoSummaryPrinter
{
    public static void Print(IAnsiConsole console, DemoResult result)
    {
        console.WriteLine();
        console.Write(new Rule("[bold]LandUse demo[/]").LeftJustified());
        console.Write(AccuracyTable(result.Before, result.After));
        console.Write(DevelopmentTable(result.Before, result.After));
        console.Write(TransitionTable(result));

        var change = result.Comparison.Summary;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{change.From} → {change.To} candidates: [bold]{change.CandidateCount:N0}[/] of {change.Joined:N0} tiles");
        if (change.Accuracy is { } accuracy)
        {
            line += string.Create(
                CultureInfo.InvariantCulture,
                $" (against the generator's truth: precision {ChangeAccuracy.Format(accuracy.Precision, "0.00")}, recall {ChangeAccuracy.Format(accuracy.Recall, "0.00")}; {accuracy.TruthChanges:N0} tiles really changed)");
        }

        console.MarkupLine(line);
        var version = result.Before.Summary.ModelVersion ?? "unknown version";
        console.MarkupLine($"Model: [grey]{Markup.Escape(result.ModelBundle)}[/] ({Markup.Escape(version)}: a demo model trained on synthetic tiles; `--precision fp32` or `int8` picks the bundle)");
        console.MarkupLine($"Run reports: [link]{Markup.Escape(result.Before.Report)}[/], [link]{Markup.Escape(result.After.Report)}[/]");
        console.MarkupLine($"Change report: [bold][link]{Markup.Escape(result.Comparison.Files.Report)}[/][/]");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Done in {result.Elapsed.TotalSeconds:0} s."));
    }

    private static Table AccuracyTable(DemoYear before, DemoYear after)
    {
        var table = new Table().Title("Accuracy against the county's truth").AddColumns("", Year(before), Year(after));
        table.AddRow("6 classes", Percent(before.Summary.Metrics6), Percent(after.Summary.Metrics6));
        table.AddRow("3 classes", Percent(before.Summary.Metrics3), Percent(after.Summary.Metrics3));
        table.AddRow("Cohen's kappa (6)", Kappa(before.Summary.Metrics6), Kappa(after.Summary.Metrics6));
        table.AddRow("tiles scored / failed", Counts(before.Summary), Counts(after.Summary));
        return table;
    }

    private static Table DevelopmentTable(DemoYear before, DemoYear after)
    {
        var table = new Table().Title("Development (tiles and share of the county)").AddColumn("labels");
        foreach (var group in LabelScheme.GroupNames)
        {
            table.AddColumn(new TableColumn(group.ToLowerInvariant()).RightAligned());
        }

        foreach (var year in new[] { before, after })
        {
            AddRow(table, $"{year.Year} predicted", year.Summary.Development);
            if (TruthDevelopment(year.Summary) is { } truth)
            {
                AddRow(table, $"{year.Year} truth", truth);
            }
        }

        return table;
    }

    private static Table TransitionTable(DemoResult result)
    {
        var transitions = result.Comparison.Summary.Transitions;
        var table = new Table()
            .Title($"Change {result.Before.Year} → {result.After.Year} (rows {result.Before.Year}, columns {result.After.Year})")
            .AddColumn("");
        foreach (var label in transitions.Labels)
        {
            table.AddColumn(new TableColumn(label).RightAligned());
        }

        for (var row = 0; row < transitions.Labels.Count; row++)
        {
            table.AddRow([transitions.Labels[row], .. transitions.Counts[row].Select(n => n.ToString("N0", CultureInfo.InvariantCulture))]);
        }

        return table;
    }

    /// <summary>Truth counts per class are the row sums of the 6-class confusion matrix.</summary>
    private static DevelopmentSummary? TruthDevelopment(RunSummary summary) =>
        summary.Confusion6 is { } confusion
            ? DevelopmentSummary.FromClassCounts(confusion.Counts.Select(row => row.Sum()).ToArray())
            : null;

    private static void AddRow(Table table, string label, DevelopmentSummary development) =>
        table.AddRow([label, .. development.Groups.Select(g => g.Format())]);

    private static string Year(DemoYear year) => year.Year.ToString(CultureInfo.InvariantCulture);

    private static string Percent(ClassificationMetrics? metrics) =>
        metrics is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{metrics.Accuracy * 100:0.0} %");

    private static string Kappa(ClassificationMetrics? metrics) =>
        metrics is null ? "n/a" : metrics.Kappa.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Counts(RunSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{summary.Counts.Scored:N0} / {summary.Counts.Failed:N0}");
}
