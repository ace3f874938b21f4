using LandUse.Analysis.Change;
using LandUse.Analysis.Summaries;

namespace LandUse.Cli.Demo;

/// <summary>Everything the demo produced: the model it used, both runs' summaries and the comparison.</summary>
internal sealed record DemoResult(
    string ModelBundle,
    string CountyDir,
    DemoYear Before,
    DemoYear After,
    ComparisonOutcome Comparison,
    TimeSpan Elapsed);

/// <summary>One year's run: its id, folder (with report.html) and summary as written to summary.json.</summary>
internal sealed record DemoYear(int Year, string RunId, string RunFolder, RunSummary Summary)
{
    public string Report => Path.Combine(RunFolder, LandUse.Analysis.Runs.RunFiles.Report);
}
