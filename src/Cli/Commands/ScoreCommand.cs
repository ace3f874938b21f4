using System.CommandLine;
using System.Text.Json;
using LandUse.Pipeline.Connections;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Folders;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Registry;
using Microsoft.Extensions.Logging;

namespace LandUse.Cli.Commands;

/// <summary>
/// `landuse score DIR [--model B | --model NAME[/VERSION] --models CONTAINER] --out FILE.csv`: one predictions row per image
/// file, exit 0 even when tiles fail.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dir") { Description = "Folder of PNG/JPEG tiles (searched recursively)." };
        var model = new Option<string?>("--model") { Description = "Model bundle folder (model.onnx + manifest.json); with --models a registry model, <name>/<version> or <name> (its newest). Default: the demo bundle." };
        var models = new Option<string?>("--models") { Description = "Model registry --model names a model in: a container URL, or a container name with --connection." };
        var connection = RegistryLocation.ConnectionOption();
        var output = new Option<string>("--out") { Description = "Predictions CSV to write.", Required = true };
        var batch = new Option<int>("--batch-size") { Description = "Tiles per ONNX Runtime call.", DefaultValueFactory = _ => new ScoringOptions().BatchSize };
        var provider = new Option<ExecutionProvider>("--provider") { Description = "Cpu or Cuda (falls back to CPU when CUDA is absent).", DefaultValueFactory = _ => ExecutionProvider.Cpu };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON instead of a line of text." };

        var command = new Command("score", "Score every image in a folder into a predictions CSV.") { folder, model, models, connection, output, batch, provider, json };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new ScoringOptions { BatchSize = parse.GetValue(batch), Provider = parse.GetValue(provider) };
            if (options.BatchSize < 1)
            {
                await stderr.WriteLineAsync("--batch-size must be at least 1.").ConfigureAwait(false);
                return 2;
            }

            try
            {
                var bundle = parse.GetValue(models) is { } registry
                    ? await FetchAsync(registry, parse.GetValue(connection), parse.GetValue(model), ct).ConfigureAwait(false)
                    : ModelBundle.Load(parse.GetValue(model) ?? await DemoBundleLocator.EnsureAsync(stderr, ct).ConfigureAwait(false));
                using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
                using var scorer = new OnnxTileScorer(bundle, options, loggers.CreateLogger<OnnxTileScorer>());
                var summary = await FolderScorer.ScoreAsync(scorer, parse.GetValue(folder)!, parse.GetValue(output)!, options, ct).ConfigureAwait(false);
                var text = parse.GetValue(json)
                    ? JsonSerializer.Serialize(new
                    {
                        scored = summary.Scored,
                        failed = summary.Failed,
                        resized = summary.Resized,
                        output = summary.OutputPath,
                        model = summary.ModelVersion,
                        provider = summary.Provider,
                        seconds = summary.Elapsed.TotalSeconds,
                        tilesPerSecond = summary.TilesPerSecond,
                    })
                    : summary.ToString();
                await stdout.WriteLineAsync(text).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is ModelBundleException or DirectoryNotFoundException or ModelRegistryException or ArgumentException or StorageAccessException)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    private static Task<ModelBundle> FetchAsync(string registry, string? connectionString, string? reference, CancellationToken ct)
    {
        var connections = new StorageConnections();
        var location = RegistryLocation.Parse(registry, connectionString, connections, "--models");
        return RegistryLocation.FetchAsync(location, connections, reference ?? throw new ArgumentException("--models needs --model <name> or <name>/<version>: the registry model to score with."), ct);
    }
}
