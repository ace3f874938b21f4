using System.Text.RegularExpressions;
using LandUse.Analysis.Change;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Review;
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
    public void Comparison_writes_report_candidates_csv_and_change_json_and_leaves_geojson_to_its_caller()
    {
        var files = ReportFixtures.CompareReport();

        var html = File.ReadAllText(files.Report);
        Assert.Contains("Transitions (rows = run A, columns = run B)", html, StringComparison.Ordinal);
        Assert.True(InlinePng().Count(html) >= 3);
        var csv = File.ReadAllLines(files.CandidatesCsv);
        Assert.StartsWith("path,id,row,col,from,to,", csv[0], StringComparison.Ordinal);
        Assert.True(csv.Length > 1);
        Assert.StartsWith("2016/r", csv[1], StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, csv.Length - 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), csv.Skip(1).Select(l => l.Split(',')[^1]));
        Assert.Null(files.GeoJson);
        Assert.False(File.Exists(Path.Combine(files.OutDir, "candidates.geojson")));
        Assert.Contains("\"candidateCount\"", File.ReadAllText(files.SummaryJson), StringComparison.Ordinal);
        Assert.Contains($"Review sheet: Undeveloped → Developed ({csv.Length - 1} candidates, most confident first)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_sheet_lists_candidates_most_confident_first_with_lazy_thumbnails_and_counts_those_left_out()
    {
        var a = Enumerable.Range(0, 5).Select(c => Tile("2010", c, LandCover.Forest, 0.5f + (c * 0.1f))).ToList();
        var b = Enumerable.Range(0, 5).Select(c => Tile("2016", c, LandCover.Developed, 0.9f)).ToList();
        var result = ChangeDetector.Detect("y2010", a, "y2016", b);
        var ranked = CandidateRanking.MostConfidentFirst(result.Candidates);
        var sheet = new ReviewSheet([.. ranked.Take(3).Select(r => new ReviewEntry(r, ReviewImages.Name(r.Rank, 'a'), r.Rank == 2 ? null : ReviewImages.Name(r.Rank, 'b')))], ranked.Count, ["Run A tiles were moved."]);

        var files = ComparisonReportWriter.Write(result, TestRuns.NewTempDir(), new ComparisonExtras { Ranked = ranked, Review = sheet, GeoJsonNote = "candidates.geojson not written: test." });

        var html = File.ReadAllText(files.Report);
        var order = new[] { "#1 r0000_c0004", "#2 r0000_c0003", "#3 r0000_c0002" }.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("#4 ", html, StringComparison.Ordinal);
        Assert.Contains("<img loading=\"lazy\" decoding=\"async\" width=\"240\" height=\"240\" src=\"review/0001-a.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"review/0001-b.jpg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("review/0002-b.jpg", html, StringComparison.Ordinal);
        Assert.Contains(">no image</div>", html, StringComparison.Ordinal);
        Assert.Contains("A y2010: Forest p 0.900; Undeveloped p 0.900", html, StringComparison.Ordinal);
        Assert.Contains("B y2016: Developed p 0.900; Developed p 0.900", html, StringComparison.Ordinal);
        Assert.Contains("42.000000, -70.988000", html, StringComparison.Ordinal);
        Assert.Contains("2 more not shown; see candidates.csv.", html, StringComparison.Ordinal);
        Assert.Contains("Run A tiles were moved.", html, StringComparison.Ordinal);
        Assert.Contains("candidates.geojson not written: test.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("base64,/9j", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_tile_names_on_the_review_sheet_are_escaped()
    {
        var path = "2016/<img src=x onerror=alert(1)>.png";
        List<TileResult> a = [new("2010/x.png", "<img src=x onerror=alert(1)>", LandCover.Forest, null, null, null, 0, 0, null, null)];
        List<TileResult> b = [new(path, "<img src=x onerror=alert(1)>", LandCover.Developed, null, null, null, 0, 0, null, null)];

        var files = ComparisonReportWriter.Write(ChangeDetector.Detect("a", a, "b", b), TestRuns.NewTempDir());

        var html = File.ReadAllText(files.Report);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    private static TileResult Tile(string year, int col, LandCover label, float p)
    {
        var probabilities = new float[6];
        probabilities[(int)label] = p;
        probabilities[(int)LandCover.Cultivated] = 1 - p;
        return new TileResult($"{year}/r0000_c{col:0000}.png", $"r0000_c{col:0000}", label, null, probabilities, null, 0, col, 42.0, -71.0 + (col * 0.003));
    }

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlinePng();
}
