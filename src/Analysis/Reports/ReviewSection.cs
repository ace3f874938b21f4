using System.Globalization;
using LandUse.Analysis.Change;
using LandUse.Analysis.Review;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Reports;

/// <summary>
/// The review sheet of compare.html, as the study's county page showed its findings: each candidate, most confident
/// first, with year A and year B side by side as 3 × 3 neighbourhoods, both labels with their probabilities, the
/// confidence and the coordinates; a note counts the candidates left out.
/// </summary>
internal static class ReviewSection
{
    public static void Write(HtmlPage page, ChangeSummary s, ReviewSheet sheet, int imageSide)
    {
        page.Heading(2, $"Review sheet: {s.From} → {s.To} ({HtmlPage.Number(sheet.Total)} candidates, most confident first)");
        if (sheet.Total == 0)
        {
            page.Paragraph("No tile changed this way.", note: true);
            return;
        }

        page.Paragraph(
            $"Each candidate in A ({s.RunA}) and B ({s.RunB}) with its 3 × 3 neighbourhood; the candidate is outlined in the middle, "
            + "blank cells have no tile. Confidence is P(A in " + s.From + ") × P(B in " + s.To + ") from the model's probabilities.",
            note: true);
        foreach (var note in sheet.Notes)
        {
            page.Paragraph(note, note: true);
        }

        foreach (var entry in sheet.Entries)
        {
            var (rank, c) = entry.Candidate;
            page.BeginBlock("rv");
            page.Heading(3, $"#{rank.ToString(CultureInfo.InvariantCulture)} {c.Id}" + (c.Confidence is { } conf ? $": confidence {HtmlPage.Fixed(conf)}" : ""));
            page.Paragraph(Where(c));
            page.BeginFigures()
                .LinkedImage(entry.ImageA, $"{c.Id} in {s.RunA}", $"A {s.RunA}: {Label(c.ALabel, c.ALabelProbability)}; {c.From} {P(c.FromProbability)}", imageSide, imageSide)
                .LinkedImage(entry.ImageB, $"{c.Id} in {s.RunB}", $"B {s.RunB}: {Label(c.BLabel, c.BLabelProbability)}; {c.To} {P(c.ToProbability)}", imageSide, imageSide)
                .EndFigures();
            page.EndBlock();
        }

        if (sheet.LeftOut > 0)
        {
            page.Paragraph($"{HtmlPage.Number(sheet.LeftOut)} more not shown; see {CandidatesCsv.FileName}.", note: true);
        }
    }

    private static string Where(ChangeCandidate c)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string> { c.Path };
        if (c.Row is { } row && c.Col is { } col)
        {
            parts.Add(string.Create(inv, $"row {row}, col {col}"));
        }

        if (c.Lat is { } lat && c.Lon is { } lon)
        {
            parts.Add(string.Create(inv, $"{lat:0.000000}, {lon:0.000000}"));
        }

        if (c.TruthChanged is { } t)
        {
            parts.Add(t ? "truth changed too" : "truth did not change");
        }

        return string.Join(" · ", parts);
    }

    private static string Label(LandCover? label, double? p) => label is null ? "no label" : $"{label} {P(p)}";

    private static string P(double? p) => p is { } v ? "p " + HtmlPage.Fixed(v) : "p unknown";
}
