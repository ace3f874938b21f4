using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Serialization;
using LandUse.Pipeline.Truth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LandUse.Cli.Commands;

/// <summary>
/// `landuse run SOURCE [--run-id ID] [--model B] [--tables CONN] [--connection CONN] [--batch-size N] [--parallel N] [--runs-dir D] [--json]`:
/// a durable run on the embedded engine with live progress; results under &lt;runs-dir&gt;/&lt;runId&gt;/; the same run id resumes.
/// </summary>
internal static class RunCommand
{
    private const string TilesConnection = "landuse-tiles";
    private const string TablesConnection = "landuse-tables";

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A tile folder, a blob URL, or container/prefix (with --connection)." };
        var runId = new Option<string?>("--run-id") { Description = "Run id (letters, digits, . _ -); default: source name + UTC time. Re-use one to resume." };
        var model = new Option<string?>("--model") { Description = "Model bundle folder; default: the demo bundle." };
        var tables = new Option<string?>("--tables") { Description = "Table Storage connection string: predictions and the run ledger go to tables (e.g. Azurite)." };
        var connection = new Option<string?>("--connection") { Description = "Blob Storage connection string for a blob source (default: --tables, then AZURE_STORAGE_CONNECTION_STRING)." };
        var batch = new Option<int>("--batch-size") { Description = "Tiles per scoring activity.", DefaultValueFactory = _ => 32 };
        var parallel = new Option<int>("--parallel") { Description = "Scoring activities in flight per page.", DefaultValueFactory = _ => 4 };
        var pageSize = new Option<int>("--page-size") { Description = "Tiles per listing page.", DefaultValueFactory = _ => 1000 };
        var truth = new Option<TruthSource>("--truth") { Description = "Truth labels from: Auto (folder, then tiles.csv), Folder, Index, None.", DefaultValueFactory = _ => TruthSource.Auto };
        var runsDir = new Option<string>("--runs-dir") { Description = "Folder for run results.", DefaultValueFactory = _ => "runs" };
        var json = new Option<bool>("--json") { Description = "No progress display; print the outcome as JSON." };

        var command = new Command("run", "Score a tile source as a durable run (local embedded engine); the same run id resumes.")
        {
            source, runId, model, tables, connection, batch, parallel, pageSize, truth, runsDir, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var connections = new StorageConnections();
                var tablesValue = parse.GetValue(tables);
                var blobValue = parse.GetValue(connection) ?? tablesValue ?? Environment.GetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING");
                if (!string.IsNullOrWhiteSpace(blobValue))
                {
                    connections.Set(TilesConnection, blobValue);
                }

                if (!string.IsNullOrWhiteSpace(tablesValue))
                {
                    connections.Set(TablesConnection, tablesValue);
                }

                var sourceArg = parse.GetValue(source)!;
                var spec = RunSourceParser.Parse(sourceArg, string.IsNullOrWhiteSpace(blobValue) ? null : TilesConnection);
                var id = parse.GetValue(runId) ?? RunIds.Default(sourceArg, DateTimeOffset.UtcNow);
                if (!RunIds.IsValid(id))
                {
                    await stderr.WriteLineAsync($"--run-id '{id}' is not valid: use 1-{RunIds.MaxLength} letters, digits, '.', '_' or '-'.").ConfigureAwait(false);
                    return 2;
                }

                var folder = Path.GetFullPath(parse.GetValue(runsDir)!);
                var bundle = parse.GetValue(model) ?? await DemoBundleLocator.EnsureAsync(stderr, ct).ConfigureAwait(false);
                var request = new RunRequest
                {
                    RunId = id,
                    Source = spec,
                    ModelBundle = Path.GetFullPath(bundle),
                    Output = string.IsNullOrWhiteSpace(tablesValue) ? PredictionTarget.Files(folder) : PredictionTarget.Tables(TablesConnection),
                    BatchSize = parse.GetValue(batch),
                    MaxParallelBatches = parse.GetValue(parallel),
                    PageSize = parse.GetValue(pageSize),
                    Truth = parse.GetValue(truth),
                }.Validate();

                // Scoring:Endpoint (env Scoring__Endpoint) sends batches to a scoring worker; otherwise they score in process.
                var settings = new ConfigurationBuilder().AddEnvironmentVariables().Build();
                var engine = new EmbeddedEngineOptions
                {
                    ConfigureLogging = logging => logging
                        .AddSimpleConsole(o => o.SingleLine = true)
                        .SetMinimumLevel(LogLevel.Warning),
                    ConfigureServices = services => services.AddScoringBackend(settings),
                };
                var outcome = parse.GetValue(json)
                    ? await LocalRun.ExecuteAsync(request, folder, connections, null, engine, ct).ConfigureAwait(false)
                    : await RunWithProgressAsync(request, folder, connections, engine, ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(parse.GetValue(json)
                    ? JsonSerializer.Serialize(outcome, PipelineJson.Options)
                    : Describe(outcome)).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or DirectoryNotFoundException
                                           or NotSupportedException or RunFailedException or IOException)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ex is RunFailedException ? 1 : 2;
            }
        });
        return command;
    }

    private static async Task<RunOutcome> RunWithProgressAsync(
        RunRequest request, string runsDir, StorageConnections connections, EmbeddedEngineOptions engine, CancellationToken ct)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var last = DateTime.MinValue;
            var lines = new Progress<RunProgress>(p =>
            {
                if (DateTime.UtcNow - last > TimeSpan.FromSeconds(2))
                {
                    last = DateTime.UtcNow;
                    Console.Error.WriteLine(StatusLine(p));
                }
            });
            return await LocalRun.ExecuteAsync(request, runsDir, connections, lines, engine, ct).ConfigureAwait(false);
        }

        RunOutcome? outcome = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"run {request.RunId}", maxValue: 1);
                var bar = new Progress<RunProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Listed);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(StatusLine(p));
                });
                outcome = await LocalRun.ExecuteAsync(request, runsDir, connections, bar, engine, ct).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return outcome!;
    }

    private static string StatusLine(RunProgress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"{p.Phase}: {p.Done}/{p.Listed}{(p.ListingDone ? "" : "+")} tiles ({p.Failed} failed, {p.Skipped} reused), {p.TilesPerSecond:0.0} tiles/s, ETA {Eta(p.EtaSeconds)}");

    private static string Eta(double? seconds) => seconds is { } s
        ? TimeSpan.FromSeconds(Math.Round(s)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)
        : "--:--:--";

    private static string Describe(RunOutcome o) => string.Create(
        CultureInfo.InvariantCulture,
        $"Run {o.RunId}: {o.Listed} listed, {o.Scored} scored, {o.Failed} failed, {o.Skipped} reused from an earlier attempt; " +
        $"{o.TilesPerSecond:0.0} tiles/s over {o.Seconds:0.0} s; model {o.ModelVersion}; results in {o.RunFolder}");
}
