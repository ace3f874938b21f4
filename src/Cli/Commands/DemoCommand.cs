using System.CommandLine;
using LandUse.Cli.Demo;
using LandUse.Scoring.Bundles;
using Spectre.Console;

namespace LandUse.Cli.Commands;

/// <summary>`landuse demo [--rows R --cols C] [--out DIR] [--seed S] [--precision int8|fp32]`: the whole system end to end on a synthetic county.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "County rows (tiles per column).", DefaultValueFactory = _ => DemoOptions.DefaultSize };
        var cols = new Option<int>("--cols") { Description = "County columns (tiles per row).", DefaultValueFactory = _ => DemoOptions.DefaultSize };
        var outDir = new Option<string>("--out") { Description = "Output folder for the county, the runs and the reports.", DefaultValueFactory = _ => "demo" };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic county.", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var precision = new Option<string>("--precision")
        {
            Description = "Demo model precision: int8 (its statically quantized twin, about twice as fast on CPUs) or fp32.",
            DefaultValueFactory = _ => DemoOptions.DefaultPrecision,
        };
        precision.AcceptOnlyFromAmong(ModelPrecision.Int8, ModelPrecision.Fp32);
        foreach (var size in new[] { rows, cols })
        {
            size.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<int>();
                if (value < 1 || value > DemoOptions.MaxSize)
                {
                    result.AddError($"{size.Name} must be between 1 and {DemoOptions.MaxSize}, not {value}.");
                }
            });
        }

        var command = new Command("demo", "Run the whole system on a synthetic two-year county: build the demo model, score both years, compare them, write the reports.")
        {
            rows, cols, outDir, seed, precision,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new DemoOptions(parse.GetValue(rows), parse.GetValue(cols), parse.GetValue(outDir)!, parse.GetValue(seed), Precision: parse.GetValue(precision)!);
            try
            {
                DemoResult? result = null;
                if (AnsiConsole.Profile.Capabilities.Interactive)
                {
                    await SpectreStageSink.RunAsync(async stages => result = await DemoRunner.RunAsync(options, stages, ct).ConfigureAwait(false))
                        .ConfigureAwait(false);
                }
                else
                {
                    result = await DemoRunner.RunAsync(options, new LineStageSink(parse.InvocationConfiguration.Error), ct).ConfigureAwait(false);
                }

                DemoSummaryPrinter.Print(AnsiConsole.Console, result!);
                return 0;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
