using LandUse.Analysis.Runs;

namespace LandUse.Analysis.Reports;

/// <summary>(Re)builds a run's report.html from its folder, for <c>landuse report</c> and any host that keeps run folders.</summary>
public static class RunReportRunner
{
    /// <summary>Resolves the run (id under <paramref name="runsDir"/> or a folder), writes its report in the run folder, returns the report's path.</summary>
    public static string Rebuild(string runIdOrDir, string? runsDir = null)
    {
        var run = RunFolder.Load(RunLocator.Resolve(runIdOrDir, runsDir));
        return RunReportWriter.Write(run.Summary, run.Tiles, run.Directory);
    }
}
