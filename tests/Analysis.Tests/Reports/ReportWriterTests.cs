using System.Text.RegularExpressions;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;
using SkiaSharp;

namespace LandUse.Analysis.Tests.Reports;

public sealed partial class ReportWriterTests
{
    [Fact]
    public void Run_report_is_self_contained_html_with_inlined_pngs_and_tables()
    {
        var (dir, summary, _) = ReportFixtures.RunReport();

        var html = File.ReadAllText(Path.Combine(dir, RunReportWriter.FileName));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains(summary.Development[LandGroup.Developed].Format(), html, StringComparison.Ordinal);
        Assert.Contains("Cohen&#39;s kappa", html, StringComparison.Ordinal);
        Assert.Contains("Failures (", html, StringComparison.Ordinal);
        var images = InlinePng().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        Assert.True(images.Count >= 7, $"expected bar charts, three maps and two heat maps; found {images.Count} images");
        Assert.All(images, png =>
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width > 0 && bitmap.Height > 0);
        });
        Assert.True(File.Exists(Path.Combine(dir, "map.png")));
    }

    [Fact]
    public void Run_report_map_is_one_square_per_tile_in_the_study_colours()
    {
        List<TileResult> tiles = [TestTiles.Cell(0, 0, LandCover.Developed), TestTiles.Cell(0, 1, LandCover.Cultivated), TestTiles.Cell(1, 0, LandCover.Forest), TestTiles.Cell(1, 1, null)];
        var dir = TestRuns.NewTempDir();

        RunReportWriter.Write(RunSummaryBuilder.Build(RunTotals.FromTiles("tiny", tiles)), tiles, dir);

        using var map = SKBitmap.Decode(Path.Combine(dir, "map.png"));
        var scale = map.Width / 2;
        Assert.Equal(map.Width, map.Height);
        Assert.Equal(Maps.MapColors.Developed, map.GetPixel(0, 0));
        Assert.Equal(Maps.MapColors.Cultivated, map.GetPixel(scale + 1, 1));
        Assert.Equal(Maps.MapColors.Undeveloped, map.GetPixel(1, scale + 1));
        Assert.Equal(Maps.MapColors.Missing, map.GetPixel(map.Width - 1, map.Height - 1));
    }

    [Fact]
    public void Run_report_without_positions_or_truth_says_so_instead_of_drawing()
    {
        List<TileResult> tiles = [TestTiles.Tile(0, LandCover.Forest, null), TestTiles.Tile(1, null, null)];
        var dir = TestRuns.NewTempDir();

        var path = RunReportWriter.Write(RunSummaryBuilder.Build(RunTotals.FromTiles("bare", tiles)), tiles, dir);

        var html = File.ReadAllText(path);
        Assert.Contains("no map is drawn", html, StringComparison.Ordinal);
        Assert.Contains("accuracy is not known", html, StringComparison.Ordinal);
        Assert.Contains("tiles/t1.png", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_writes_report_candidates_csv_and_geojson()
    {
        var files = ReportFixtures.CompareReport();

        var html = File.ReadAllText(files.Report);
        Assert.Contains("Transitions (rows = run A, columns = run B)", html, StringComparison.Ordinal);
        Assert.True(InlinePng().Count(html) >= 3);
        var csv = File.ReadAllLines(files.CandidatesCsv);
        Assert.StartsWith("path,id,row,col,from,to,", csv[0], StringComparison.Ordinal);
        Assert.True(csv.Length > 1);
        Assert.StartsWith("2016/r", csv[1], StringComparison.Ordinal);
        using var geo = System.Text.Json.JsonDocument.Parse(File.ReadAllText(files.GeoJson!));
        var features = geo.RootElement.GetProperty("features");
        Assert.Equal(csv.Length - 1, features.GetArrayLength());
        Assert.Equal("Point", features[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Contains("\"candidateCount\"", File.ReadAllText(files.SummaryJson), StringComparison.Ordinal);
    }

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlinePng();
}
