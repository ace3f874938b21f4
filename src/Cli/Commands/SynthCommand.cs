using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LandUse.Scoring.Hosting;
using LandUse.Synthetic.County;
using LandUse.Synthetic.Tiles;

namespace LandUse.Cli.Commands;

/// <summary>`landuse synth tiles|county`: deterministic synthetic aerial tiles for demos, tests and benchmarks.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var command = new Command("synth", "Generate synthetic aerial-like tiles: a labeled set, or a two-year county grid.");
        command.Subcommands.Add(Tiles());
        command.Subcommands.Add(County());
        return command;
    }

    private static Command Tiles()
    {
        var output = new Option<string>("--out") { Description = "Folder to write <Label>/<id>.png into.", Required = true };
        var perClass = new Option<int>("--per-class") { Description = "Tiles per class (six classes).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives the same tiles.", DefaultValueFactory = _ => 1 };
        var command = new Command("tiles", "Write a balanced labeled set DIR/<Label>/<id>.png of 224x224 RGB tiles.") { output, perClass, seed };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(perClass);
            if (n < 1 || n > TileSetWriter.MaxPerClass)
            {
                return await Fail(parse, $"--per-class must be between 1 and {TileSetWriter.MaxPerClass}, got {n}.").ConfigureAwait(false);
            }

            var dir = Path.GetFullPath(parse.GetValue(output)!);
            var started = Stopwatch.StartNew();
            var written = await TileSetWriter.WriteAsync(dir, n, parse.GetValue(seed), null, ct, MachineCores.Count).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {written} tiles ({n} per class) in {started.Elapsed.TotalSeconds:F1} s -> {dir}")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command County()
    {
        var output = new Option<string>("--out") { Description = "Folder to write <year>/r<row>_c<col>.png and <year>/tiles.csv into.", Required = true };
        var rows = new Option<int>("--rows") { Description = "Grid rows.", Required = true };
        var cols = new Option<int>("--cols") { Description = "Grid columns.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives the same county.", DefaultValueFactory = _ => 1 };
        var command = new Command("county", $"Write a {CountyPlan.FirstYear} and a {CountyPlan.SecondYear} tile grid of one county in which development spreads.")
        {
            output, rows, cols, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (r, c) = (parse.GetValue(rows), parse.GetValue(cols));
            if (r < 1 || r > CountyPlanner.MaxSide || c < 1 || c > CountyPlanner.MaxSide)
            {
                return await Fail(parse, $"--rows and --cols must be between 1 and {CountyPlanner.MaxSide}, got {r} x {c}.").ConfigureAwait(false);
            }

            var dir = Path.GetFullPath(parse.GetValue(output)!);
            var started = Stopwatch.StartNew();
            var plan = await CountyWriter.GenerateAsync(dir, r, c, parse.GetValue(seed), null, ct, MachineCores.Count).ConfigureAwait(false);
            var developed = CountyPlan.Years.Select(y => string.Create(CultureInfo.InvariantCulture, $"{y}: {plan.Count(y, TileClass.Developed)}"));
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {r} x {c} tiles for {CountyPlan.Years.Count} years in {started.Elapsed.TotalSeconds:F1} s -> {dir}; developed tiles {string.Join(", ", developed)}; {plan.Changes.Count} changed")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static async Task<int> Fail(ParseResult parse, string message)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync(message).ConfigureAwait(false);
        return 2;
    }
}
