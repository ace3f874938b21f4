using LandUse.Analysis.Reports;
using SkiaSharp;

namespace LandUse.Analysis.Tests.Reports;

/// <summary>The reports open in a real browser without console errors and render to a non-blank page.</summary>
public sealed class ChromiumReportTests
{
    [Fact]
    public async Task Run_report_renders_in_headless_chromium_without_console_errors()
    {
        var (dir, _, _) = ReportFixtures.RunReport();
        await AssertRendersAsync(Path.Combine(dir, RunReportWriter.FileName));
    }

    [Fact]
    public async Task Comparison_report_renders_in_headless_chromium_without_console_errors()
    {
        var files = ReportFixtures.CompareReport();
        await AssertRendersAsync(files.Report);
    }

    [Fact]
    public async Task Console_check_catches_a_page_that_throws()
    {
        // Guards the check itself: a page with a failing script must be reported.
        var dir = TestRuns.NewTempDir();
        var html = Path.Combine(dir, "broken.html");
        File.WriteAllText(html, "<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction();</script></body></html>");

        var log = await HeadlessChromium.ScreenshotAsync(html, Path.Combine(dir, "broken.png"), TestContext.Current.CancellationToken);

        Assert.NotEmpty(HeadlessChromium.ConsoleErrors(log));
    }

    private static async Task AssertRendersAsync(string html)
    {
        var screenshot = Path.Combine(Path.GetDirectoryName(html)!, "screenshot.png");

        var log = await HeadlessChromium.ScreenshotAsync(html, screenshot, TestContext.Current.CancellationToken);

        Assert.Empty(HeadlessChromium.ConsoleErrors(log));
        using var image = SKBitmap.Decode(screenshot);
        Assert.NotNull(image);
        Assert.Equal(1200, image.Width);
        var (mean, variance) = Luminance(image);
        Assert.True(variance > 100, $"screenshot looks blank: luminance mean {mean:0.0}, variance {variance:0.0}");
    }

    private static (double Mean, double Variance) Luminance(SKBitmap image)
    {
        double sum = 0, sumSquares = 0;
        long n = 0;
        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                var p = image.GetPixel(x, y);
                var l = (0.299 * p.Red) + (0.587 * p.Green) + (0.114 * p.Blue);
                sum += l;
                sumSquares += l * l;
                n++;
            }
        }

        var mean = sum / n;
        return (mean, (sumSquares / n) - (mean * mean));
    }
}
