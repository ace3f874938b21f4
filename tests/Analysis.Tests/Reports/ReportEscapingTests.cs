using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;

namespace LandUse.Analysis.Tests.Reports;

/// <summary>
/// Tile names are text in the HTML report, never markup: a run whose failed tiles are named like a script and like an
/// element with an event handler, loaded in headless Chromium, has neither element in its DOM and shows both names.
/// </summary>
public sealed class ReportEscapingTests
{
    private const string ScriptName = "<script>alert(1)</script>.png";
    private const string HandlerName = "\"><img src=x onerror=alert(2)>.png";

    [Fact]
    public async Task A_tile_named_like_a_script_renders_as_text_in_headless_chromium()
    {
        var (tiles, _, _) = TestRuns.County(size: 32, noise: 0.1, seed: 5);
        TileResult Failed(string name) =>
            new(name, TileResult.IdFromPath(name), null, null, null, $"Unsupported: tile '{name}' is not a PNG or JPEG image.", null, null, null, null);
        List<TileResult> all = [.. tiles, Failed(ScriptName), Failed(HandlerName)];
        var summary = RunSummaryBuilder.Build(RunTotals.FromTiles("escape-<b>run</b>", all) with
        {
            Source = "tiles/<i>folder</i>",
            ModelVersion = "demo",
            Started = DateTimeOffset.UnixEpoch,
            Finished = DateTimeOffset.UnixEpoch.AddSeconds(1),
        });
        var dir = TestRuns.NewTempDir();
        RunReportWriter.Write(summary, all, dir);

        var (dom, log) = await HeadlessChromium.DumpDomAsync(Path.Combine(dir, RunReportWriter.FileName), TestContext.Current.CancellationToken);

        Assert.Contains("<body>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=\"x\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>run</b>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>folder</i>", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;.png", dom, StringComparison.Ordinal);
        Assert.Contains("\"&gt;&lt;img src=x onerror=alert(2)&gt;.png", dom, StringComparison.Ordinal);
        Assert.Empty(HeadlessChromium.ConsoleErrors(log));
    }

    [Fact]
    public async Task The_dom_check_sees_an_unescaped_name()
    {
        // Guards the check itself: a name written raw becomes an element. (Raw, the script name would also open an
        // alert that holds headless Chromium until the time limit, failing the escaping test as surely.)
        var dir = TestRuns.NewTempDir();
        var html = Path.Combine(dir, "raw.html");
        await File.WriteAllTextAsync(html, "<!DOCTYPE html><html><body><table><tr><td>escape-<b>run</b></td></tr></table></body></html>", TestContext.Current.CancellationToken);

        var (dom, _) = await HeadlessChromium.DumpDomAsync(html, TestContext.Current.CancellationToken);

        Assert.Contains("<b>run</b>", dom, StringComparison.Ordinal);
    }
}
