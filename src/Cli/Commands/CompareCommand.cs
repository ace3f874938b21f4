using System.CommandLine;
using System.Text.Json;
using LandUse.Analysis.Change;
using LandUse.Analysis.Grids;
using LandUse.Analysis.Review;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Comparisons;
using LandUse.Scoring.Labels;

namespace LandUse.Cli.Commands;

/// <summary>
/// `landuse compare &lt;runA&gt; &lt;runB&gt; [--from G --to G] [--smooth] [--a-truth] [--out DIR] [--review N] [--json]`: writes
/// compare.html with its review sheet (thumbnails in review/), candidates.csv and (with coordinates) candidates.geojson,
/// prints the transition matrix and candidate count (or JSON).
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var runA = new Argument<string>("runA") { Description = "Earlier run: id under the runs folder or path to its folder." };
        var runB = new Argument<string>("runB") { Description = "Later run: id under the runs folder or path to its folder." };
        var from = new Option<string>("--from") { Description = "Group in run A: Developed, Cultivated or Undeveloped.", DefaultValueFactory = _ => nameof(LandGroup.Undeveloped) };
        var to = new Option<string>("--to") { Description = "Group in run B: Developed, Cultivated or Undeveloped.", DefaultValueFactory = _ => nameof(LandGroup.Developed) };
        var smooth = new Option<bool>("--smooth") { Description = "Apply the 3x3 plurality vote to both runs before comparing." };
        var centreWeight = new Option<int>("--centre-weight") { Description = "Votes of the centre tile's own label when smoothing.", DefaultValueFactory = _ => SmoothingOptions.DefaultCentreWeight };
        var aTruth = new Option<bool>("--a-truth") { Description = "Use run A's truth labels (from its index) instead of its predictions." };
        var bTruth = new Option<bool>("--b-truth") { Description = "Use run B's truth labels instead of its predictions." };
        var outDir = new Option<string?>("--out") { Description = "Output folder (default: <run B folder>/compare-<run A id>)." };
        var runsDir = new Option<string?>("--runs-dir") { Description = $"Where run ids resolve (default ./{RunLocator.DefaultRunsDir})." };
        var review = new Option<int>("--review") { Description = $"Candidates on the review sheet, most confident first (0 to {ReviewOptions.Largest}).", DefaultValueFactory = _ => ReviewOptions.DefaultMaxCandidates };
        var connection = new Option<string?>("--connection") { Description = "Blob Storage connection string for runs whose tiles are in blob storage (default: AZURE_STORAGE_CONNECTION_STRING)." };
        var json = new Option<bool>("--json") { Description = "Print the comparison summary and output paths as JSON only." };

        var command = new Command("compare", "Find tiles whose land use changed between two runs.")
        {
            runA, runB, from, to, smooth, centreWeight, aTruth, bTruth, outDir, runsDir, review, connection, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryGroup(parse.GetValue(from), out var fromGroup) || !TryGroup(parse.GetValue(to), out var toGroup))
            {
                var bad = TryGroup(parse.GetValue(from), out _) ? $"--to '{parse.GetValue(to)}'" : $"--from '{parse.GetValue(from)}'";
                await stderr.WriteLineAsync($"compare: {bad} is not a group; use one of {string.Join(", ", LabelScheme.GroupNames)}.").ConfigureAwait(false);
                return 2;
            }

            if (parse.GetValue(centreWeight) < 0)
            {
                await stderr.WriteLineAsync("compare: --centre-weight must be 0 or more.").ConfigureAwait(false);
                return 2;
            }

            if (parse.GetValue(review) is < 0 or > ReviewOptions.Largest)
            {
                await stderr.WriteLineAsync($"compare: --review must be between 0 and {ReviewOptions.Largest}.").ConfigureAwait(false);
                return 2;
            }

            var options = new ChangeOptions
            {
                From = fromGroup,
                To = toGroup,
                Smooth = parse.GetValue(smooth),
                Smoothing = new SmoothingOptions(parse.GetValue(centreWeight)),
                ATruth = parse.GetValue(aTruth),
                BTruth = parse.GetValue(bTruth),
            };
            try
            {
                var request = new ComparisonRequest(parse.GetValue(runA)!, parse.GetValue(runB)!, options, parse.GetValue(runsDir), parse.GetValue(outDir));
                var outcome = await FolderComparison.RunAsync(request, TileSources.Open(parse.GetValue(connection)), new ReviewOptions(parse.GetValue(review)), ct)
                    .ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(new { summary = outcome.Summary, files = outcome.Files }, SummaryJson.Options)).ConfigureAwait(false);
                    return 0;
                }

                await stdout.WriteAsync(ChangeSummaryText.Format(outcome.Summary)).ConfigureAwait(false);
                await stdout.WriteLineAsync($"Report: {outcome.Files.Report}").ConfigureAwait(false);
                await stdout.WriteLineAsync($"Candidates: {outcome.Files.CandidatesCsv}").ConfigureAwait(false);
                await stdout.WriteLineAsync(outcome.Files.GeoJson is { } geo ? $"GeoJSON: {geo}" : "GeoJSON: not written (no candidate with coordinates)").ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"compare: {ex.Message}").ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    private static bool TryGroup(string? name, out LandGroup group) => LabelScheme.TryParseGroup(name, out group);
}
