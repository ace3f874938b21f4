using System.CommandLine;
using System.Text.Json;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Cli.Tests;

/// <summary>`landuse compare` over two run folders written as the pipeline writes them.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "landuse-cli-compare", Guid.NewGuid().ToString("N"));

    public CompareCommandTests()
    {
        // 4 x 4 county; in 2016 the forest block at rows 0-1, cols 2-3 is developed, and tile (3,3) is mislabelled cultivated.
        AnalysisRunFolders.Write(_runs, "y2010", (r, c) => c < 2 ? LandCover.Developed : LandCover.Forest, (r, c) => null);
        AnalysisRunFolders.Write(
            _runs,
            "y2016",
            (r, c) => c < 2 || r < 2 ? LandCover.Developed : LandCover.Forest,
            (r, c) => (r, c) == (3, 3) ? LandCover.Cultivated : null);
    }

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public async Task Compare_prints_transitions_and_writes_report_candidates_and_geojson()
    {
        var (exit, output, error) = await AnalysisRunFolders.InvokeAsync("compare", "y2010", "y2016", "--runs-dir", _runs);

        Assert.True(exit == 0, error);
        Assert.Contains("Transitions (rows = y2010, columns = y2016)", output, StringComparison.Ordinal);
        Assert.Contains("Candidates Undeveloped -> Developed: 4 of 16 tiles", output, StringComparison.Ordinal);
        Assert.Contains("precision 1.000, recall 1.000", output, StringComparison.Ordinal);
        var outDir = Path.Combine(_runs, "y2016", "compare-y2010");
        var csv = await File.ReadAllLinesAsync(Path.Combine(outDir, "candidates.csv"), TestContext.Current.CancellationToken);
        Assert.StartsWith("path,id,row,col,from,to,", csv[0], StringComparison.Ordinal);
        Assert.Equal(
            ["2016/r0000_c0002.png", "2016/r0000_c0003.png", "2016/r0001_c0002.png", "2016/r0001_c0003.png"],
            csv.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "candidates.geojson")));
        Assert.Contains("<!DOCTYPE html>", await File.ReadAllTextAsync(Path.Combine(outDir, "compare.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_with_json_prints_only_json_and_honours_out_from_to_and_a_truth()
    {
        var outDir = Path.Combine(_runs, "out");

        var (exit, output, error) = await AnalysisRunFolders.InvokeAsync(
            "compare", Path.Combine(_runs, "y2010"), Path.Combine(_runs, "y2016"), "--from", "undeveloped", "--to", "Cultivated", "--a-truth", "--out", outDir, "--json");

        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal("Cultivated", summary.GetProperty("to").GetString());
        Assert.True(summary.GetProperty("aTruth").GetBoolean());
        Assert.Equal(1, summary.GetProperty("candidateCount").GetInt32());
        Assert.Equal(Path.Combine(outDir, "candidates.csv"), doc.RootElement.GetProperty("files").GetProperty("candidatesCsv").GetString());
    }

    [Fact]
    public async Task Compare_with_smoothing_drops_the_isolated_mislabelled_tile()
    {
        var (exit, output, error) = await AnalysisRunFolders.InvokeAsync(
            "compare", "y2010", "y2016", "--runs-dir", _runs, "--from", "Undeveloped", "--to", "Cultivated", "--smooth", "--json");

        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0, doc.RootElement.GetProperty("summary").GetProperty("candidateCount").GetInt32());
        Assert.True(doc.RootElement.GetProperty("summary").GetProperty("smoothed").GetBoolean());
    }

    [Theory]
    [InlineData("--from", "Water", "--from 'Water' is not a group")]
    [InlineData("--to", "Urban", "--to 'Urban' is not a group")]
    public async Task Compare_names_a_bad_group_and_fails(string option, string value, string expected)
    {
        var (exit, _, error) = await AnalysisRunFolders.InvokeAsync("compare", "y2010", "y2016", "--runs-dir", _runs, option, value);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_names_a_missing_run_and_fails()
    {
        var (exit, _, error) = await AnalysisRunFolders.InvokeAsync("compare", "y2010", "y2099", "--runs-dir", _runs);

        Assert.NotEqual(0, exit);
        Assert.Contains("Run 'y2099' not found", error, StringComparison.Ordinal);
    }
}

/// <summary>Writes small run folders (predictions.csv, index.csv, summary.json) on a grid, and invokes the CLI in process.</summary>
internal static class AnalysisRunFolders
{
    public const int Side = 4;

    public static string Write(string runsDir, string runId, Func<int, int, LandCover> truth, Func<int, int, LandCover?> mislabel)
    {
        var dir = Path.Combine(runsDir, runId);
        Directory.CreateDirectory(dir);
        var year = runId.TrimStart('y');
        var tiles = new List<TileResult>();
        for (var r = 0; r < Side; r++)
        {
            for (var c = 0; c < Side; c++)
            {
                var id = $"r{r:0000}_c{c:0000}";
                tiles.Add(new TileResult($"{year}/{id}.png", id, mislabel(r, c) ?? truth(r, c), truth(r, c), null, null, r, c, 42.4 + (r * 0.002), -71.3 + (c * 0.003)));
            }
        }

        PredictionCsv.WriteFile(Path.Combine(dir, RunFolder.PredictionsFile), tiles.Select(t => new PredictionRow(t.Path, t.Predicted, null, null)));
        IndexCsv.Write(Path.Combine(dir, IndexCsv.FileName), tiles.Select(t => new TileIndexEntry(t.Path, t.Id, t.Row, t.Col, t.Lat, t.Lon, t.Truth)));
        File.WriteAllText(Path.Combine(dir, RunFolder.SummaryFile), RunSummaryBuilder.Build(RunTotals.FromTiles(runId, tiles)).ToJson());
        return dir;
    }

    public static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LandUseCli.BuildRoot()
            .Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
