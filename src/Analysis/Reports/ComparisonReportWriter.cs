using LandUse.Analysis.Change;
using LandUse.Analysis.Maps;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Reports;

/// <summary>
/// Writes a comparison's compare.html (transition matrix, candidate count and list, maps of both runs and of the change),
/// candidates.csv, candidates.geojson when any candidate has coordinates, and change.json (the <see cref="ChangeSummary"/>).
/// </summary>
public static class ComparisonReportWriter
{
    public const string FileName = "compare.html";

    public const string SummaryFileName = "change.json";

    /// <summary>How many candidates the HTML lists (the CSV has them all).</summary>
    public const int ListedCandidates = 500;

    public static ComparisonFiles Write(ChangeResult result, string outDir)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);

        var csv = Path.Combine(outDir, CandidatesCsv.FileName);
        CandidatesCsv.Write(csv, result.Candidates);
        string? geoJson = null;
        var geoPath = Path.Combine(outDir, CandidatesGeoJson.FileName);
        if (result.Candidates.Any(c => c.Lat is not null && c.Lon is not null))
        {
            CandidatesGeoJson.Write(geoPath, result.Candidates);
            geoJson = geoPath;
        }
        else if (File.Exists(geoPath))
        {
            // A stale GeoJSON from an earlier comparison would contradict this one.
            File.Delete(geoPath);
        }

        var summaryPath = Path.Combine(outDir, SummaryFileName);
        File.WriteAllText(summaryPath, result.Summary.ToJson());
        var report = Path.Combine(outDir, FileName);
        File.WriteAllText(report, Build(result).ToString());
        return new ComparisonFiles(outDir, report, csv, geoJson, summaryPath);
    }

    private static HtmlPage Build(ChangeResult result)
    {
        var s = result.Summary;
        var side = (bool truth) => truth ? "truth labels" : "predictions";
        var page = new HtmlPage($"Land use change: {s.RunA} → {s.RunB}");
        page.Facts(
        [
            ("run A", $"{s.RunA} ({side(s.ATruth)})"),
            ("run B", $"{s.RunB} ({side(s.BTruth)})"),
            ("change sought", $"{s.From} → {s.To}"),
            ("smoothing", s.Smoothed ? $"3×3 plurality, centre weight {s.CentreWeight}" : "none"),
            ("tiles in both runs", HtmlPage.Number(s.Joined)),
            ("only in A", HtmlPage.Number(s.OnlyInA)),
            ("only in B", HtmlPage.Number(s.OnlyInB)),
            ("without a label in A or B", HtmlPage.Number(s.Unlabelled)),
            ("candidates", HtmlPage.Number(s.CandidateCount)),
        ]);

        page.Heading(2, "Transitions (rows = run A, columns = run B)");
        ReportSections.ConfusionTable(page, s.Transitions, "A \\ B");
        var transitions = result.Transitions;
        ReportSections.Development(page,
        [
            ($"{s.RunA} (A)", DevelopmentSummary.FromGroupCounts(Enumerable.Range(0, 3).Select(transitions.RowSum).ToArray())),
            ($"{s.RunB} (B)", DevelopmentSummary.FromGroupCounts(Enumerable.Range(0, 3).Select(transitions.ColumnSum).ToArray())),
        ]);
        page.Paragraph("Development shares above count the tiles labelled in both runs.", note: true);

        if (s.Accuracy is { } acc)
        {
            page.Heading(2, "Candidates against truth change");
            page.Table(
                ["tiles with truth in both runs", "truth transitions", "candidates among them", "true candidates", "precision", "recall"],
                [[HtmlPage.Number(acc.Evaluated), HtmlPage.Number(acc.TruthChanges), HtmlPage.Number(acc.Candidates), HtmlPage.Number(acc.TruePositives), ChangeAccuracy.Format(acc.Precision, "0.000"), ChangeAccuracy.Format(acc.Recall, "0.000")]]);
        }

        Maps(page, result);
        Candidates(page, result);
        return page;
    }

    private static void Maps(HtmlPage page, ChangeResult result)
    {
        page.Heading(2, "Maps");
        if (result.Layout.Placed == 0)
        {
            page.Paragraph("No tile has a grid position, so no map is drawn.", note: true);
            return;
        }

        var s = result.Summary;
        var smoothed = s.Smoothed ? ", smoothed" : "";
        page.Legend(
        [
            (MapColors.Developed, "developed"),
            (MapColors.Cultivated, "cultivated"),
            (MapColors.Undeveloped, "undeveloped"),
            (MapColors.Missing, "missing or failed"),
        ]);
        page.BeginFigures()
            .Image(LabelMapRenderer.Render(result.GridA), $"A: {s.RunA}{smoothed}")
            .Image(LabelMapRenderer.Render(result.GridB), $"B: {s.RunB}{smoothed}")
            .EndFigures();
        page.Legend(ChangeMapRenderer.Legend(s.From, s.To));
        page.BeginFigures().Image(ChangeMapRenderer.Render(result), "change").EndFigures();
    }

    private static void Candidates(HtmlPage page, ChangeResult result)
    {
        page.Heading(2, $"Candidate tiles ({HtmlPage.Number(result.Candidates.Count)})");
        page.Table(
            ["path", "id", "row", "col", "A label", "B label", "truth changed"],
            result.Candidates.Take(ListedCandidates).Select(c => (IReadOnlyList<string>)
                [c.Path, c.Id, c.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", c.Col?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                 Label(c.ALabel), Label(c.BLabel), c.TruthChanged is { } t ? (t ? "yes" : "no") : ""]));
        if (result.Candidates.Count > ListedCandidates)
        {
            page.Paragraph($"Showing the first {ListedCandidates}; {CandidatesCsv.FileName} lists all.", note: true);
        }
    }

    private static string Label(LandCover? cover) => cover?.ToString() ?? "";
}
