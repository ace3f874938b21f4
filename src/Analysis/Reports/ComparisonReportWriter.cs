using LandUse.Analysis.Change;
using LandUse.Analysis.Maps;
using LandUse.Analysis.Review;
using LandUse.Analysis.Summaries;

namespace LandUse.Analysis.Reports;

/// <summary>
/// Writes a comparison's compare.html (transition matrix, candidate count, maps of both runs and of the change, and the
/// candidate review sheet), candidates.csv (most confident first) and change.json (the <see cref="ChangeSummary"/>).
/// candidates.geojson and the review thumbnails need the tiles' grids and pixels, so the caller writes them first
/// (Pipeline's comparison writer) and passes what it wrote in <see cref="ComparisonExtras"/>.
/// </summary>
public static class ComparisonReportWriter
{
    public const string FileName = "compare.html";

    public const string SummaryFileName = "change.json";

    /// <summary>The report with a text-only review sheet (no thumbnails, no GeoJSON).</summary>
    public static ComparisonFiles Write(ChangeResult result, string outDir) => Write(result, outDir, new ComparisonExtras());

    public static ComparisonFiles Write(ChangeResult result, string outDir, ComparisonExtras extras)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(extras);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);

        var ranked = extras.Ranked ?? CandidateRanking.MostConfidentFirst(result.Candidates);
        var csv = Path.Combine(outDir, CandidatesCsv.FileName);
        CandidatesCsv.Write(csv, ranked);
        var summaryPath = Path.Combine(outDir, SummaryFileName);
        File.WriteAllText(summaryPath, result.Summary.ToJson());
        var review = extras.Review ?? ReviewSheet.TextOnly(ranked, ReviewOptions.DefaultMaxCandidates, []);
        var report = Path.Combine(outDir, FileName);
        File.WriteAllText(report, Build(result, review, extras).ToString());
        return new ComparisonFiles(outDir, report, csv, extras.GeoJson, summaryPath);
    }

    private static HtmlPage Build(ChangeResult result, ReviewSheet review, ComparisonExtras extras)
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

        if (extras.GeoJsonNote is { } geoNote)
        {
            page.Paragraph(geoNote, note: true);
        }

        Maps(page, result);
        ReviewSection.Write(page, s, review, extras.ImageSide);
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

}
