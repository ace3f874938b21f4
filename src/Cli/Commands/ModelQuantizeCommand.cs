using System.CommandLine;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Quantization;
using LandUse.Scoring.Training;

namespace LandUse.Cli.Commands;

/// <summary>
/// `landuse model quantize BUNDLE --calibrate LABELED --out BUNDLE [--tiles N]`: the INT8 twin of an FP32 bundle,
/// then FP32 and INT8 side by side on the labeled tiles kept out of calibration.
/// </summary>
internal static class ModelQuantizeCommand
{
    public static Command Create()
    {
        var defaults = new QuantizeOptions();
        var bundle = new Argument<string>("bundle") { Description = "The FP32 bundle folder to quantize." };
        var calibrate = new Option<string>("--calibrate") { Description = "Labeled folder <Label>/<tile>.png of real tiles: part calibrates, the rest is held out to compare.", Required = true };
        var output = new Option<string>("--out") { Description = "Bundle folder to write the INT8 twin to.", Required = true };
        var tiles = new Option<int>("--tiles") { Description = "Calibration tiles at most, evenly across classes.", DefaultValueFactory = _ => defaults.Tiles };
        var heldOut = new Option<double>("--held-out") { Description = "Share of each class kept out of calibration to compare FP32 and INT8 on (0 skips the comparison).", DefaultValueFactory = _ => defaults.HeldOutFraction };
        var seed = new Option<int>("--seed") { Description = "Seed of the calibration / held-out split.", DefaultValueFactory = _ => defaults.Seed };
        var method = new Option<CalibrationMethod>("--method") { Description = "How activation ranges are read: Percentile (clips rare outliers) or MinMax.", DefaultValueFactory = _ => defaults.Method };
        var percentile = new Option<double>("--percentile") { Description = "Central share of each activation's values kept with --method Percentile.", DefaultValueFactory = _ => defaults.Percentile };
        var version = new Option<string?>("--version") { Description = "Version of the INT8 bundle (default: the parent's version + \"-int8\")." };
        var batch = new Option<int>("--batch-size") { Description = "Tiles per timed call when comparing FP32 and INT8.", DefaultValueFactory = _ => new ScoringOptions().BatchSize };

        var command = new Command("quantize", "Write a statically quantized INT8 (QDQ) copy of a bundle, calibrated on real tiles, and compare it with the FP32 original.")
        {
            bundle, calibrate, output, tiles, heldOut, seed, method, percentile, version, batch,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new QuantizeOptions
            {
                Tiles = parse.GetValue(tiles),
                HeldOutFraction = parse.GetValue(heldOut),
                Seed = parse.GetValue(seed),
                Method = parse.GetValue(method),
                Percentile = parse.GetValue(percentile),
                Version = parse.GetValue(version),
                Scoring = new ScoringOptions { BatchSize = parse.GetValue(batch) },
            };
            if (options.Tiles < 1 || options.Scoring.BatchSize < 1)
            {
                await stderr.WriteLineAsync("--tiles and --batch-size must be at least 1.").ConfigureAwait(false);
                return 2;
            }

            try
            {
                var progress = new StageLines<QuantizeProgress>(stderr, p => (p.Stage, p.Done, p.Total));
                var report = await BundleQuantizer.QuantizeAsync(parse.GetValue(bundle)!, parse.GetValue(calibrate)!, parse.GetValue(output)!, options, progress, ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(QuantizeReportText.Format(report)).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is ModelBundleException or TrainingDataException or ArgumentException or NotSupportedException or InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }
}
