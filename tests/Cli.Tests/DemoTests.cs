using System.Globalization;
using LandUse.Analysis.Change;
using LandUse.Analysis.Summaries;
using LandUse.Cli.Demo;
using Spectre.Console;

namespace LandUse.Cli.Tests;

/// <summary>
/// The demo end to end on a small county with the real demo model and the embedded engine: change detection finds what
/// the generator developed, development spreads, and the terminal summary prints the numbers the JSON files hold.
/// </summary>
public sealed class DemoTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "landuse-demo-test", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_finds_the_developed_tiles_and_prints_the_numbers_of_its_json_files()
    {
        var ct = TestContext.Current.CancellationToken;
        var result = await DemoRunner.RunAsync(new DemoOptions(16, 16, _out), new LineStageSink(TextWriter.Null), ct);

        // Change detection against the generator's truth (the analysis acceptance: precision and recall >= 0.8).
        var change = ChangeSummaryFromFile(result.Comparison.Files.SummaryJson);
        var accuracy = Assert.IsType<ChangeAccuracy>(change.Accuracy);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"candidates {accuracy.Candidates}, truth changes {accuracy.TruthChanges}, precision {accuracy.Precision:0.000}, recall {accuracy.Recall:0.000}"));
        Assert.True(accuracy.TruthChanges > 0, "the generator developed no tile in this county");
        Assert.True(accuracy.Precision >= 0.8, $"precision {accuracy.Precision:0.000} < 0.8");
        Assert.True(accuracy.Recall >= 0.8, $"recall {accuracy.Recall:0.000} < 0.8");

        // Development spreads between the years, in the files the reports are built from.
        var before = RunSummary.FromJson(await File.ReadAllTextAsync(Path.Combine(result.Before.RunFolder, "summary.json"), ct));
        var after = RunSummary.FromJson(await File.ReadAllTextAsync(Path.Combine(result.After.RunFolder, "summary.json"), ct));
        Assert.True(after.PredictedByGroup["Developed"] > before.PredictedByGroup["Developed"]);
        Assert.All(new[] { result.Before.Report, result.After.Report, result.Comparison.Files.Report }, path => Assert.True(new FileInfo(path).Length > 0, path));

        // The terminal summary shows exactly those numbers.
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        console.Profile.Width = 200;
        DemoSummaryPrinter.Print(console, result);
        var printed = text.ToString();
        foreach (var summary in new[] { before, after })
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{summary.Metrics6!.Accuracy * 100:0.0} %"), printed, StringComparison.Ordinal);
            Assert.All(summary.Development.Groups, row => Assert.Contains(row.Format(), printed, StringComparison.Ordinal));
        }

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"candidates: {change.CandidateCount:N0} of {change.Joined:N0} tiles"), printed, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"precision {ChangeAccuracy.Format(accuracy.Precision, "0.00")}, recall {ChangeAccuracy.Format(accuracy.Recall, "0.00")}"), printed, StringComparison.Ordinal);
    }

    private static ChangeSummary ChangeSummaryFromFile(string path) =>
        System.Text.Json.JsonSerializer.Deserialize<ChangeSummary>(File.ReadAllText(path), SummaryJson.Options)
        ?? throw new InvalidDataException($"{path} holds no change summary.");
}
