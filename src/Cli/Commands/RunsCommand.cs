using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Runs;
using LandUse.Pipeline.Serialization;

namespace LandUse.Cli.Commands;

/// <summary>
/// `landuse runs list|status|purge` over the run ledger (a runs folder, or --tables), through the same run control the
/// Functions app uses; status reads the progress a running `landuse run` records, also from another process.
/// </summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var command = new Command("runs", "List runs, show a run's status and progress, or purge a run, from the run ledger.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Purge());
        return command;
    }

    private static Command List()
    {
        var ledger = new LedgerLocation();
        var json = new Option<bool>("--json") { Description = "Print the runs as a JSON array." };
        var command = new Command("list", "List the runs the ledger knows: status, counts, accuracy, when.") { json };
        ledger.AddTo(command);
        command.SetAction((parse, ct) => GuardAsync(parse, async (control, target) =>
        {
            var runs = (await control.ListAsync(target, ct).ConfigureAwait(false)).Select(RunListing.Of).ToList();
            if (parse.GetValue(json))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(runs, PipelineJson.Options)).ConfigureAwait(false);
                return 0;
            }

            if (runs.Count == 0)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"No runs in {control.Ledger(target).Description}.").ConfigureAwait(false);
                return 0;
            }

            var text = new StringBuilder();
            text.AppendLine("run id                          status     listed   scored   failed  reused  6-class  3-class  finished");
            foreach (var r in runs)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.RunId,-31} {r.Status,-9} {r.Listed,7} {r.Scored,8} {r.Failed,8} {r.Skipped,7} {Percent(r.Accuracy6),8} {Percent(r.Accuracy3),8}  {r.FinishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}"));
            }

            await parse.InvocationConfiguration.Output.WriteAsync(text.ToString()).ConfigureAwait(false);
            return 0;
        }, ledger));
        return command;
    }

    private static Command Status()
    {
        var ledger = new LedgerLocation();
        var runId = new Argument<string>("runId") { Description = "The run id." };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var command = new Command("status", "Show a run's status, progress (also while another process runs it), totals, accuracy and artifacts.") { runId, json };
        ledger.AddTo(command);
        command.SetAction((parse, ct) => GuardAsync(parse, async (control, target) =>
        {
            var id = parse.GetValue(runId)!;
            var view = await control.StatusAsync(null, id, target, ct).ConfigureAwait(false);
            if (view is null)
            {
                return await NoSuchRunAsync(parse, control, target, id).ConfigureAwait(false);
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(view, PipelineJson.Options) : Describe(view))
                .ConfigureAwait(false);
            return 0;
        }, ledger));
        return command;
    }

    private static Command Purge()
    {
        var ledger = new LedgerLocation();
        var runId = new Argument<string>("runId") { Description = "The run id." };
        var predictions = new Option<bool>("--predictions") { Description = "Also delete the run's prediction rows, page manifests, artifacts and ledger row." };
        var json = new Option<bool>("--json") { Description = "Print what was removed as JSON." };
        var command = new Command("purge", "Purge a run: its history and, with --predictions, everything it stored.") { runId, predictions, json };
        ledger.AddTo(command);
        command.SetAction((parse, ct) => GuardAsync(parse, async (control, target) =>
        {
            var id = parse.GetValue(runId)!;
            var purge = await control.PurgeAsync(null, id, target, parse.GetValue(predictions), ct).ConfigureAwait(false);
            if (!purge.Found)
            {
                return await NoSuchRunAsync(parse, control, target, id).ConfigureAwait(false);
            }

            // A `landuse run --tables` also exported the run's files into the runs folder; they go with the run.
            var export = Path.Combine(ledger.Folder(parse), id);
            if (parse.GetValue(predictions) && target.Kind == Pipeline.Predictions.PredictionTargetKind.Tables && Directory.Exists(export))
            {
                Directory.Delete(export, recursive: true);
            }

            var line = purge.Deleted is { } deleted
                ? string.Create(CultureInfo.InvariantCulture, $"Run {id} purged: {deleted.Predictions} prediction rows, {deleted.Pages} page manifests, {purge.DeletedArtifacts} artifacts, ledger row {(purge.DeletedLedger == true ? "deleted" : "absent")}.")
                : $"Run {id}: the embedded engine keeps no orchestration history, so there is nothing else to purge; add --predictions to delete its rows, manifests, artifacts and ledger row.";
            await parse.InvocationConfiguration.Output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(purge, PipelineJson.Options) : line).ConfigureAwait(false);
            return 0;
        }, ledger));
        return command;
    }

    private static string Describe(RunView view)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Run {view.RunId}: {view.Status}");
        if (view.Progress is { } p && view.Status == nameof(RunStatus.Running))
        {
            text.Append(c, $" ({RunText.Progress(p)})");
            if (p.At is { } at)
            {
                text.Append(c, $", as of {at:u}");
            }
        }
        else if (view.Ledger is { } r)
        {
            text.Append(c, $": {r.Listed} listed, {r.Scored} scored, {r.Failed} failed, {r.Skipped} reused");
            if (r.TilesPerSecond is { } rate)
            {
                text.Append(c, $", {rate:0.0} tiles/s");
            }

            text.Append(RunText.Accuracy(r.Counts.Accuracy6, r.Counts.Accuracy3, r.Counts.WithTruth));
        }

        text.AppendLine();
        if (view.Ledger is { } record)
        {
            text.AppendLine(c, $"  source {record.Source}, model {record.ModelVersion ?? "unknown"}, started {record.StartedAt?.ToString("u", c) ?? "-"}, finished {record.FinishedAt?.ToString("u", c) ?? "-"}");
        }

        if (view.Error is { } error)
        {
            text.AppendLine(c, $"  {error}");
        }

        foreach (var warning in view.Ledger?.Summary?.Warnings ?? [])
        {
            text.AppendLine(c, $"  warning: {warning}");
        }

        foreach (var (name, location) in view.Artifacts)
        {
            text.AppendLine(c, $"  {name}: {location}");
        }

        return text.ToString().TrimEnd();
    }

    private static async Task<int> NoSuchRunAsync(ParseResult parse, RunControl control, Pipeline.Predictions.PredictionTarget target, string runId)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync($"No run '{runId}' in {control.Ledger(target).Description}.").ConfigureAwait(false);
        return 2;
    }

    private static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";

    /// <summary>Runs a subcommand with run control over its ledger; storage and argument problems are one line on stderr.</summary>
    private static async Task<int> GuardAsync(ParseResult parse, Func<RunControl, Pipeline.Predictions.PredictionTarget, Task<int>> body, LedgerLocation ledger)
    {
        try
        {
            var connections = new StorageConnections();
            var target = ledger.Target(parse, connections);
            await using var services = LedgerLocation.Services(connections);
            return await body(LedgerLocation.Control(services), target).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StorageAccessException or ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }
    }

    /// <summary>One line of `runs list --json`: the ledger row without request and summary.</summary>
    private sealed record RunListing(
        string RunId, RunStatus Status, string? Source, string? ModelVersion, long Listed, long Scored, long Failed, long Skipped,
        double? Accuracy6, double? Accuracy3, double? TilesPerSecond, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
    {
        public static RunListing Of(RunRecord r) => new(
            r.RunId, r.Status, r.Source, r.ModelVersion, r.Listed, r.Scored, r.Failed, r.Skipped,
            r.Counts.Accuracy6, r.Counts.Accuracy3, r.TilesPerSecond, r.StartedAt, r.FinishedAt);
    }
}
