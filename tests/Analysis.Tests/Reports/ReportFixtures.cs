using LandUse.Analysis.Change;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;

namespace LandUse.Analysis.Tests.Reports;

/// <summary>A generated two-year county written as reports, shared by the report tests.</summary>
internal static class ReportFixtures
{
    public static (string Dir, RunSummary Summary, List<TileResult> Tiles) RunReport()
    {
        var (a, _, _) = TestRuns.County(size: 32, noise: 0.1, seed: 3);
        var summary = RunSummaryBuilder.Build(RunTotals.FromTiles("county-2010", a) with
        {
            Source = "synthetic/2010",
            ModelVersion = "demo",
            Started = DateTimeOffset.UnixEpoch,
            Finished = DateTimeOffset.UnixEpoch.AddSeconds(10),
        });
        var dir = TestRuns.NewTempDir();
        RunReportWriter.Write(summary, a, dir);
        return (dir, summary, a);
    }

    public static ComparisonFiles CompareReport()
    {
        var (a, b, _) = TestRuns.County(size: 32, noise: 0.1, seed: 3);
        var result = ChangeDetector.Detect("county-2010", a, "county-2016", b, new ChangeOptions { Smooth = true });
        return ComparisonReportWriter.Write(result, TestRuns.NewTempDir());
    }
}
