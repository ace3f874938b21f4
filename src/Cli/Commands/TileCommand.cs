using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LandUse.Geo;
using LandUse.Geo.Tiling;

namespace LandUse.Cli.Commands;

/// <summary>`landuse tile SCENE.tif... --out DIR`: GeoTIFF scenes → PNG tiles on one grid + tiles.csv (id,row,col,lat,lon,x,y,epsg,scene).</summary>
internal static class TileCommand
{
    public static Command Create()
    {
        var scenes = new Argument<string[]>("scene.tif") { Description = "GeoTIFF scenes (8-bit; one CRS and pixel size for all).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for <id>.png tiles, tiles.csv and grid.json.", Required = true };
        var size = new Option<int>("--size") { Description = "Tile side in pixels.", DefaultValueFactory = _ => 224 };
        var stride = new Option<int>("--stride") { Description = "Step between tiles in pixels.", DefaultValueFactory = _ => 224 };
        var bands = new Option<string>("--bands") { Description = "Three 1-based bands for red, green, blue (colour-infrared: 4,1,2).", DefaultValueFactory = _ => "1,2,3" };
        var maxNoData = new Option<double>("--max-nodata") { Description = "Skip tiles with a larger share of no-data pixels.", DefaultValueFactory = _ => 0.5 };

        var command = new Command("tile", "Cut GeoTIFF scenes into georeferenced PNG tiles and write tiles.csv.") { scenes, output, size, stride, bands, maxNoData };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var options = new TileOptions
                {
                    Size = parse.GetValue(size),
                    Stride = parse.GetValue(stride),
                    Bands = ParseBands(parse.GetValue(bands)!),
                    MaxNoData = parse.GetValue(maxNoData),
                };
                var started = Stopwatch.StartNew();
                var report = await Task.Run(() => SceneTiler.Run(parse.GetValue(scenes)!, parse.GetValue(output)!, options, new RowProgress(stderr), ct), ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"tiled {report.Scenes} scene(s) (EPSG:{report.Epsg}) onto a {report.Rows} x {report.Cols} grid: wrote {report.Written} tiles, skipped {report.SkippedNoData} mostly no-data, in {started.Elapsed.TotalSeconds:F1} s -> {report.OutputDirectory}")).ConfigureAwait(false);
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

    private static int[] ParseBands(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var bands = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out bands[i]))
            {
                throw new GeoDataException($"--bands must be three 1-based band numbers such as 1,2,3; '{parts[i]}' is not a number.");
            }
        }

        return bands;
    }

    /// <summary>Prints grid rows done at each tenth of the way.</summary>
    private sealed class RowProgress(TextWriter writer) : IProgress<TileProgress>
    {
        private int _lastTenth = -1;

        public void Report(TileProgress value)
        {
            var tenth = value.RowsDone * 10 / Math.Max(1, value.Rows);
            if (tenth == _lastTenth)
            {
                return;
            }

            _lastTenth = tenth;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows {value.RowsDone}/{value.Rows}: {value.Written} tiles, {value.Skipped} skipped"));
        }
    }
}
