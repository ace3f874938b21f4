using System.CommandLine;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;

namespace LandUse.Cli.Commands;

/// <summary>`landuse report &lt;runId|runDir&gt; [--runs-dir D]`: (re)writes the run's report.html and prints its path.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "Run id (looked up under the runs folder) or path to a run folder." };
        var runsDir = new Option<string?>("--runs-dir") { Description = $"Where run ids resolve (default ./{RunLocator.DefaultRunsDir})." };

        var command = new Command("report", "Rebuild a run's HTML report from its folder (summary.json, predictions.csv, index.csv).") { run, runsDir };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var path = RunReportRunner.Rebuild(parse.GetValue(run)!, parse.GetValue(runsDir));
                await parse.InvocationConfiguration.Output.WriteLineAsync(path).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"report: {ex.Message}").ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }
}
