namespace LandUse.Analysis.Runs;

/// <summary>
/// Turns what a user typed (a run id or a path to a run folder) into the run's folder: an existing folder is taken as is,
/// otherwise the id is looked up under the runs folder (default <c>./runs</c>).
/// </summary>
public static class RunLocator
{
    public const string DefaultRunsDir = "runs";

    /// <summary>The run's folder; throws <see cref="DirectoryNotFoundException"/> naming both places looked at.</summary>
    public static string Resolve(string runIdOrDir, string? runsDir = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runIdOrDir);
        if (Directory.Exists(runIdOrDir) && LooksLikeRun(runIdOrDir))
        {
            return Path.GetFullPath(runIdOrDir);
        }

        var root = runsDir ?? DefaultRunsDir;
        var underRuns = Path.Combine(root, runIdOrDir);
        if (Directory.Exists(underRuns))
        {
            return Path.GetFullPath(underRuns);
        }

        if (Directory.Exists(runIdOrDir))
        {
            return Path.GetFullPath(runIdOrDir);
        }

        throw new DirectoryNotFoundException(
            $"Run '{runIdOrDir}' not found: it is not a folder and '{Path.GetFullPath(underRuns)}' does not exist.");
    }

    private static bool LooksLikeRun(string dir) =>
        File.Exists(Path.Combine(dir, RunFolder.SummaryFile)) || File.Exists(Path.Combine(dir, RunFolder.PredictionsFile));
}
