using LandUse.Analysis.Charts;
using LandUse.Analysis.Grids;
using LandUse.Analysis.Maps;
using LandUse.Analysis.Metrics;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Reports;

/// <summary>
/// Draws a run's report.html (self-contained: counts, development table, charts, maps, accuracy, failures) and the maps as
/// map.png / map-smoothed.png, in memory, so any artifact sink can store them. Maps need tile grid positions; without
/// them, or when the grid cannot be drawn, the page says so and the report carries a warning instead of failing.
/// </summary>
public static class RunReportWriter
{
    public const string FileName = RunFiles.Report;

    /// <summary>Writes the report (and its maps) into <paramref name="outDir"/> and returns the report's path.</summary>
    public static string Write(RunSummary summary, IReadOnlyList<TileResult> tiles, string outDir, SmoothingOptions? smoothing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);
        var report = Build(summary, tiles, smoothing);
        foreach (var file in report.Files)
        {
            File.WriteAllBytes(Path.Combine(outDir, file.Name), file.Content);
        }

        return Path.Combine(outDir, FileName);
    }

    /// <summary>The report's files (report.html first, then the map PNGs) and any warnings about what could not be drawn.</summary>
    public static RunReport Build(RunSummary summary, IReadOnlyList<TileResult> tiles, SmoothingOptions? smoothing = null)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var maps = new RunMapBuilder();
        foreach (var tile in tiles)
        {
            maps.Add(tile);
        }

        return Build(summary, maps, smoothing);
    }

    /// <summary>The report from a run's maps collected row by row (one pass over any number of tiles, see <see cref="RunMapBuilder"/>).</summary>
    public static RunReport Build(RunSummary summary, RunMapBuilder maps, SmoothingOptions? smoothing = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(maps);
        var files = new List<ReportFile>();
        var warnings = new List<string>();
        var page = Page(summary, maps, smoothing ?? SmoothingOptions.Default, files, warnings);
        files.Insert(0, new ReportFile(FileName, System.Text.Encoding.UTF8.GetBytes(page.ToString())));
        return new RunReport(files, warnings);
    }

    private static HtmlPage Page(RunSummary summary, RunMapBuilder tiles, SmoothingOptions smoothing, List<ReportFile> files, List<string> warnings)
    {
        var page = new HtmlPage($"Land use run {summary.RunId}");
        Overview(page, summary);

        page.Heading(2, "Development");
        ReportSections.Development(page, [("predicted", summary.Development)]);
        ReportSections.DevelopmentByClass(page, summary.Development);
        page.BeginFigures()
            .Image(ClassBarChart.Groups(summary.Development.Groups.Select(g => g.Tiles).ToArray(), "Predicted tiles per group"), "Predicted tiles per group")
            .Image(ClassBarChart.Classes(summary.Development.Classes.Select(g => g.Tiles).ToArray(), "Predicted tiles per class"), "Predicted tiles per class")
            .EndFigures();

        Maps(page, tiles, smoothing, files, warnings);
        Accuracy(page, summary);
        Failures(page, summary.Failures);
        return page;
    }

    private static void Overview(HtmlPage page, RunSummary s)
    {
        foreach (var warning in s.Warnings ?? [])
        {
            page.Paragraph("Warning: " + warning, note: true);
        }

        foreach (var note in s.Notes ?? [])
        {
            page.Paragraph("Note: " + note, note: true);
        }

        var t = s.Timings;
        page.Facts(
        [
            ("run", s.RunId),
            ("source", s.Source),
            ("model", s.ModelVersion ?? "unknown"),
            ("status", s.Status),
            ("tiles listed", HtmlPage.Number(s.Counts.Listed)),
            ("scored", HtmlPage.Number(s.Counts.Scored)),
            ("failed", HtmlPage.Number(s.Counts.Failed)),
            ("skipped (already scored)", HtmlPage.Number(s.Counts.Skipped)),
            ("resized to model input", HtmlPage.Number(s.Counts.Resized)),
            ("with truth labels", HtmlPage.Number(s.WithTruth)),
            ("started", t.Started?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            ("finished", t.Finished?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            ("seconds", t.Seconds is { } sec ? HtmlPage.Fixed(sec, "0.0") : ""),
            ("tiles per second", t.TilesPerSecond is { } rate ? HtmlPage.Fixed(rate, "0.0") : ""),
        ]);
    }

    private static void Maps(HtmlPage page, RunMapBuilder tiles, SmoothingOptions smoothing, List<ReportFile> files, List<string> warnings)
    {
        page.Heading(2, "Maps");
        RunMaps maps;
        try
        {
            maps = tiles.Build();
        }
        catch (InvalidDataException ex)
        {
            var warning = $"Maps not drawn: {ex.Message}";
            warnings.Add(warning);
            page.Paragraph(warning, note: true);
            return;
        }

        if (maps.Placed == 0)
        {
            page.Paragraph("No tile has a grid position (index row/col or an r<row>_c<col> name), so no map is drawn.", note: true);
            return;
        }

        var predicted = maps.Predicted;
        var smoothed = PluralitySmoother.Smooth(predicted, smoothing);
        var predictedPng = LabelMapRenderer.Render(predicted);
        var smoothedPng = LabelMapRenderer.Render(smoothed);
        files.Add(new ReportFile(RunFiles.Map, predictedPng));
        files.Add(new ReportFile(RunFiles.MapSmoothed, smoothedPng));

        page.Paragraph($"{maps.Rows} × {maps.Cols} tiles, one square per tile; {maps.Unplaced} tiles without a grid position are not drawn.", note: true);
        page.Legend(
        [
            (MapColors.Developed, "developed"),
            (MapColors.Cultivated, "cultivated"),
            (MapColors.Undeveloped, "undeveloped"),
            (MapColors.Missing, "missing or failed"),
        ]);
        page.BeginFigures().Image(predictedPng, "predicted").Image(smoothedPng, $"predicted, 3×3 plurality smoothed (centre weight {smoothing.CentreWeight})");
        if (tiles.AnyTruth)
        {
            var truth = maps.Truth ?? new LabelGrid<LandGroup>(maps.Rows, maps.Cols);
            page.Image(LabelMapRenderer.Render(truth), "truth");
            page.EndFigures();
            SmoothingEffect(page, truth, predicted, smoothed);
        }
        else
        {
            page.EndFigures();
        }
    }

    /// <summary>The study's check: 3-class accuracy of raw versus smoothed predictions against truth, over mapped cells.</summary>
    private static void SmoothingEffect(HtmlPage page, LabelGrid<LandGroup> truth, LabelGrid<LandGroup> raw, LabelGrid<LandGroup> smoothed)
    {
        var before = ConfusionMatrix.ForGroups();
        var after = ConfusionMatrix.ForGroups();
        for (var r = 0; r < truth.Rows; r++)
        {
            for (var c = 0; c < truth.Cols; c++)
            {
                if (truth[r, c] is { } t && raw[r, c] is { } p && smoothed[r, c] is { } s)
                {
                    before.Add(t, p);
                    after.Add(t, s);
                }
            }
        }

        if (before.Total > 0)
        {
            page.Paragraph(
                $"3-group accuracy on mapped tiles with truth: {HtmlPage.Percent((double)before.Correct / before.Total)} raw, "
                + $"{HtmlPage.Percent((double)after.Correct / after.Total)} after smoothing ({HtmlPage.Number(before.Total)} tiles).");
        }
    }

    private static void Accuracy(HtmlPage page, RunSummary s)
    {
        page.Heading(2, "Accuracy");
        if (s.Metrics6 is null || s.Metrics3 is null || s.Confusion6 is null || s.Confusion3 is null)
        {
            page.Paragraph("No scored tile has a truth label, so accuracy is not known for this run.", note: true);
            return;
        }

        ReportSections.Accuracy(page, s.Metrics6, s.Metrics3);
        page.Heading(3, "Per class");
        ReportSections.PerClass(page, s.Metrics6);
        page.Heading(3, "Per group");
        ReportSections.PerClass(page, s.Metrics3);
        page.Heading(3, "Confusion (rows = truth, columns = predicted)");
        ReportSections.ConfusionTable(page, s.Confusion6, "truth \\ predicted");
        ReportSections.ConfusionTable(page, s.Confusion3, "truth \\ predicted");
        page.BeginFigures()
            .Image(ReportSections.Heatmap(s.Confusion6, "6-class confusion (share of truth row)"), "6-class confusion")
            .Image(ReportSections.Heatmap(s.Confusion3, "3-group confusion (share of truth row)"), "3-group confusion")
            .EndFigures();
    }

    private static void Failures(HtmlPage page, FailureSummary failures)
    {
        page.Heading(2, $"Failures ({HtmlPage.Number(failures.Total)})");
        if (failures.Total == 0)
        {
            page.Paragraph("Every listed tile was scored.", note: true);
            return;
        }

        page.Table(["tile", "reason"], failures.Items.Select(f => (IReadOnlyList<string>)[f.Ref, f.Reason]));
        if (failures.Total > failures.Items.Count)
        {
            page.Paragraph($"Showing the first {failures.Items.Count} of {HtmlPage.Number(failures.Total)} failures.", note: true);
        }
    }
}
