using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Cli.Tests;

/// <summary>`landuse report` rebuilds report.html from a run folder, by run id or by path.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "landuse-cli-report", Guid.NewGuid().ToString("N"));

    public ReportCommandTests() =>
        AnalysisRunFolders.Write(_runs, "y2010", (r, c) => c < 2 ? LandCover.Developed : LandCover.Forest, (r, c) => (r, c) == (0, 0) ? LandCover.Shrub : null);

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public async Task Report_by_run_id_writes_report_html_and_prints_its_path()
    {
        var (exit, output, error) = await AnalysisRunFolders.InvokeAsync("report", "y2010", "--runs-dir", _runs);

        Assert.True(exit == 0, error);
        var path = output.Trim();
        Assert.Equal(Path.Combine(_runs, "y2010", "report.html"), path);
        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("Land use run y2010", html, StringComparison.Ordinal);
        Assert.Contains("7 (43.8 %)", html, StringComparison.Ordinal); // 7 of 16 tiles predicted developed
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_accepts_a_run_folder_path()
    {
        var (exit, output, error) = await AnalysisRunFolders.InvokeAsync("report", Path.Combine(_runs, "y2010"));

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(output.Trim()));
    }

    [Fact]
    public async Task Report_names_a_missing_run_and_fails()
    {
        var (exit, _, error) = await AnalysisRunFolders.InvokeAsync("report", "nope", "--runs-dir", _runs);

        Assert.NotEqual(0, exit);
        Assert.Contains("Run 'nope' not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_names_a_broken_file_and_fails()
    {
        await File.WriteAllTextAsync(Path.Combine(_runs, "y2010", IndexCsv.FileName), "path,row\na.png,x\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await AnalysisRunFolders.InvokeAsync("report", "y2010", "--runs-dir", _runs);

        Assert.NotEqual(0, exit);
        Assert.Contains("index.csv line 2: row 'x'", error, StringComparison.Ordinal);
    }
}
