using System.CommandLine;
using System.Globalization;
using LandUse.Geo;
using LandUse.Geo.Labeling;
using LandUse.Scoring.Labels;

namespace LandUse.Cli.Commands;

/// <summary>`landuse label TILES --nlcd NLCD.tif`: NLCD truth for tiles, as the training layout (all points agree) or a tiles.csv label column (plurality).</summary>
internal static class LabelCommand
{
    public static Command Create()
    {
        var tiles = new Argument<string>("tiles-dir") { Description = "A folder written by `landuse tile` (tiles.csv, grid.json, <id>.png)." };
        var nlcd = new Option<string>("--nlcd") { Description = "NLCD land-cover GeoTIFF (8-bit codes; any supported CRS).", Required = true };
        var points = new Option<int>("--points") { Description = "Points sampled per tile, a perfect square laid out k x k.", DefaultValueFactory = _ => 9 };
        var agree = new Option<string>("--agree") { Description = "all: keep tiles whose points all agree, as DIR/<Label>/<tile>.png; plurality: label column in tiles.csv.", DefaultValueFactory = _ => "all" };
        agree.AcceptOnlyFromAmong("all", "plurality");
        var output = new Option<string?>("--out") { Description = "Training layout folder for --agree all (default <tiles-dir>/labeled)." };

        var command = new Command("label", "Label tiles from an NLCD raster: training layout or a tiles.csv label column.") { tiles, nlcd, points, agree, output };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new LabelOptions
            {
                Points = parse.GetValue(points),
                Agree = parse.GetValue(agree) == "plurality" ? AgreeMode.Plurality : AgreeMode.All,
                Output = parse.GetValue(output),
            };
            try
            {
                var report = await Task.Run(() => TileLabeler.Run(parse.GetValue(tiles)!, parse.GetValue(nlcd)!, options, ct), ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(Format(report, options.Points)).ConfigureAwait(false);
                return 0;
            }
            catch (GeoDataException ex)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    internal static string Format(LabelReport report, int points)
    {
        var c = CultureInfo.InvariantCulture;
        var rule = report.Agree == AgreeMode.All ? "all must agree" : "plurality";
        var reasons = report.Dropped.Where(p => p.Value > 0).Select(p => string.Create(c, $"{p.Value} {Reason(p.Key)}")).ToArray();
        return string.Join(Environment.NewLine,
            string.Create(c, $"labeled {report.Labeled} of {report.Tiles} tiles from NLCD (EPSG:{report.NlcdEpsg}), {points} points each, {rule}"),
            "per class: " + string.Join(", ", LabelScheme.Classes.Select(l => string.Create(c, $"{l} {report.PerClass[l]}"))),
            string.Create(c, $"{(report.Agree == AgreeMode.All ? "dropped" : "blank")} {report.DroppedTotal}") + (reasons.Length > 0 ? ": " + string.Join(", ", reasons) : ""),
            $"-> {report.Output}");
    }

    private static string Reason(DropReason reason) => reason switch
    {
        DropReason.OutsideNlcd => "outside the NLCD raster or on its no-data",
        DropReason.NotAClass => "not a class (water, ice, wetlands or other codes)",
        DropReason.Disagree => "points disagree",
        DropReason.Tie => "tied",
        DropReason.MissingImage => "PNG missing",
        _ => reason.ToString(),
    };
}
