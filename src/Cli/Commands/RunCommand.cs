using System.CommandLine;
using System.Text.Json;
using LandUse.Cli.Hosting;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Models;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Runs;
using LandUse.Pipeline.Serialization;
using LandUse.Pipeline.Truth;
using LandUse.Scoring.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LandUse.Cli.Commands;

/// <summary>
/// `landuse run SOURCE [--run-id ID] [--model B | --model NAME[/VERSION] --models CONTAINER] [--tables CONN] [--connection CONN] [--batch-size N] [--parallel N] [--runs-dir D] [--json]`:
/// a durable run on the embedded engine with live progress (recorded in the ledger for `landuse runs status`); results under
/// &lt;runs-dir&gt;/&lt;runId&gt;/ (and the results container with --tables); Ctrl+C stops gracefully; the same run id resumes.
/// </summary>
internal static class RunCommand
{
    /// <summary>The connection name a blob tile source is recorded under (run.json); `landuse compare` registers the same name.</summary>
    internal const string TilesConnection = "landuse-tiles";

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A tile folder, a blob URL, or container/prefix (with --connection)." };
        var runId = new Option<string?>("--run-id") { Description = "Run id (letters, digits, . _ -); default: source name + UTC time. Re-use one to resume." };
        var model = new Option<string?>("--model") { Description = "Model bundle folder; with --models a registry model, <name>/<version> or <name> (its newest). Default: the demo bundle." };
        var models = new Option<string?>("--models") { Description = "Model registry --model names a model in: a container URL, or a container name with --connection." };
        var connection = new Option<string?>("--connection") { Description = "Blob Storage connection string for a blob source (default: --tables, then AZURE_STORAGE_CONNECTION_STRING)." };
        var batch = new Option<int>("--batch-size") { Description = "Tiles per scoring activity.", DefaultValueFactory = _ => 32 };
        var parallel = new Option<int>("--parallel") { Description = "Scoring activities in flight per page.", DefaultValueFactory = _ => 4 };
        var pageSize = new Option<int>("--page-size") { Description = "Tiles per listing page.", DefaultValueFactory = _ => 1000 };
        var truth = new Option<TruthSource>("--truth") { Description = "Truth labels from: Auto (folder, then tiles.csv), Folder, Index, None.", DefaultValueFactory = _ => TruthSource.Auto };
        var json = new Option<bool>("--json") { Description = "No progress display; print the outcome as JSON." };
        var ledger = new LedgerLocation();

        var command = new Command("run", "Score a tile source as a durable run (local embedded engine); Ctrl+C stops gracefully; the same run id resumes.")
        {
            source, runId, model, models, connection, batch, parallel, pageSize, truth, json,
        };
        ledger.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            using var signals = new StopSignals(stderr);
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(ct, signals.Abort);
            try
            {
                var connections = new StorageConnections();
                var output = ledger.Target(parse, connections);
                var blobValue = parse.GetValue(connection) ?? parse.GetValue(ledger.Tables) ?? Environment.GetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING");
                if (!string.IsNullOrWhiteSpace(blobValue))
                {
                    connections.Set(TilesConnection, blobValue);
                }

                var sourceArg = parse.GetValue(source)!;
                var spec = RunSourceParser.Parse(sourceArg, string.IsNullOrWhiteSpace(blobValue) ? null : TilesConnection);
                var id = parse.GetValue(runId) ?? RunIds.Default(sourceArg, DateTimeOffset.UtcNow);
                if (!RunIds.IsValid(id))
                {
                    await stderr.WriteLineAsync($"--run-id '{id}' is not valid: use 1-{RunIds.MaxLength} letters, digits, '.', '_' or '-'.").ConfigureAwait(false);
                    return 2;
                }

                var folder = ledger.Folder(parse);
                var registry = parse.GetValue(models) is { } registryValue
                    ? ModelRegistryLocation.Parse(registryValue, string.IsNullOrWhiteSpace(blobValue) ? null : TilesConnection, "--models")
                    : null;
                var bundle = registry is not null
                    ? parse.GetValue(model) ?? throw new ArgumentException("--models needs --model <name> or <name>/<version>: the registry model to score with.")
                    : Path.GetFullPath(parse.GetValue(model) ?? await DemoBundleLocator.EnsureAsync(stderr, abort.Token).ConfigureAwait(false));
                var request = new RunRequest
                {
                    RunId = id,
                    Source = spec,
                    ModelBundle = bundle,
                    Models = registry,
                    Output = output,
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
                    ConfigureServices = services => services
                        .AddSingleton(new ModelSessionOptions { CacheFolder = RegistryLocation.CacheFolder })
                        .AddScoringBackend(settings),
                };
                var outcome = parse.GetValue(json)
                    ? await LocalRun.ExecuteAsync(request, folder, connections, null, engine, abort.Token, signals.Stop).ConfigureAwait(false)
                    : await RunWithProgressAsync(request, folder, connections, engine, signals.Stop, abort.Token).ConfigureAwait(false);
                await stdout.WriteLineAsync(parse.GetValue(json)
                    ? JsonSerializer.Serialize(outcome, PipelineJson.Options)
                    : RunText.Outcome(outcome)).ConfigureAwait(false);
                return outcome.Status == RunStatus.Cancelled ? 130 : 0;
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                await stderr.WriteLineAsync("Abandoned; the same run id resumes.").ConfigureAwait(false);
                return 130;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or DirectoryNotFoundException
                                           or NotSupportedException or RunFailedException or IOException or StorageAccessException
                                           or ModelRegistryException)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ex is RunFailedException ? 1 : 2;
            }
        });
        return command;
    }

    private static async Task<RunOutcome> RunWithProgressAsync(
        RunRequest request, string runsDir, StorageConnections connections, EmbeddedEngineOptions engine, CancellationToken stop, CancellationToken ct)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var last = DateTime.MinValue;
            var lines = new Progress<RunProgress>(p =>
            {
                if (DateTime.UtcNow - last > TimeSpan.FromSeconds(2))
                {
                    last = DateTime.UtcNow;
                    Console.Error.WriteLine(RunText.Progress(p));
                }
            });
            return await LocalRun.ExecuteAsync(request, runsDir, connections, lines, engine, ct, stop).ConfigureAwait(false);
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
                    task.Description = Markup.Escape(RunText.Progress(p));
                });
                outcome = await LocalRun.ExecuteAsync(request, runsDir, connections, bar, engine, ct, stop).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return outcome!;
    }
}
