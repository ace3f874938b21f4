using System.CommandLine;
using System.Globalization;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Training;

namespace LandUse.Cli.Commands;

/// <summary>`landuse train LABELED --out BUNDLE`: transfer learning on &lt;Label&gt;/&lt;tile&gt;.png, prints 6- and 3-class validation accuracy.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var labeled = new Argument<string>("labeled-dir") { Description = "Folder laid out <Label>/<tile>.png: two or more of the six class folders, 5+ tiles each." };
        var output = new Option<string>("--out") { Description = "Bundle folder to write (model.onnx + manifest.json).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the validation split and the head.", DefaultValueFactory = _ => 1 };
        var validation = new Option<double>("--validation") { Description = "Share of each class held out for validation.", DefaultValueFactory = _ => 0.2 };
        var batch = new Option<int>("--batch-size") { Description = "Tiles per feature-extraction batch.", DefaultValueFactory = _ => new ScoringOptions().BatchSize };
        var name = new Option<string>("--name") { Description = "Model name in the manifest (its registry name).", DefaultValueFactory = _ => new TrainOptions().Name };
        var version = new Option<string?>("--version") { Description = "Model version in the manifest (its registry version); default: the name and the model's hash prefix." };

        var command = new Command("train", "Train a land-use head on the ResNet18 backbone and write a fused model bundle.") { labeled, output, seed, validation, batch, name, version };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new TrainOptions
            {
                Seed = parse.GetValue(seed),
                ValidationFraction = parse.GetValue(validation),
                Name = parse.GetValue(name)!,
                Version = parse.GetValue(version),
                Scoring = new ScoringOptions { BatchSize = Math.Max(1, parse.GetValue(batch)) },
            };
            try
            {
                var report = await BundleTrainer.TrainAsync(parse.GetValue(labeled)!, parse.GetValue(output)!, options, new StageLines<TrainProgress>(stderr, p => (p.Stage, p.Done, p.Total)), ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(Format(report)).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is TrainingDataException or ArgumentOutOfRangeException)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    private static string Format(TrainReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"trained on {report.TrainCount} tiles, validated on {report.ValidationCount}"),
            string.Create(c, $"validation accuracy: 6-class {report.ValidationAccuracy6:P1}, 3-class {report.ValidationAccuracy3:P1}"),
            "per class (train/validation): " + string.Join(", ", report.Classes.Select(l => string.Create(c, $"{l} {report.TrainCounts[l]}/{report.ValidationCounts[l]}"))),
        };
        var untrained = LabelScheme.Classes.Except(report.Classes).ToArray();
        if (untrained.Length > 0)
        {
            lines.Add($"not trained on {string.Join(", ", untrained)}: the model never predicts them (probability 0)");
        }
        if (report.Failed.Count > 0)
        {
            lines.Add(string.Create(c, $"skipped {report.Failed.Count} undecodable tiles, first: {report.Failed[0]}"));
        }

        lines.Add($"bundle {report.ModelVersion} -> {report.BundleDirectory}");
        return string.Join(Environment.NewLine, lines);
    }
}
