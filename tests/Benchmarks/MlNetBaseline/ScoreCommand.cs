using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using nietras.SeparatedValues;

namespace LandUse.MlNetBaseline;

/// <summary>
/// `score &lt;dir&gt; --model &lt;model.zip&gt; --out &lt;predictions.csv&gt;`: one batch transform over a data view of every
/// image path under the folder, read back row by row into `path,predicted` CSV rows (paths relative to the folder).
/// </summary>
public static class ScoreCommand
{
    public static int Run(string folder, string modelPath, string csvPath, long startedTimestamp, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new BadInputException($"tile folder '{root}' does not exist");
        }

        if (!File.Exists(modelPath))
        {
            throw new BadInputException($"model '{Path.GetFullPath(modelPath)}' does not exist (make it with `train`)");
        }

        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(modelPath, out _);
        var rows = TilePipeline.Images(root).Select(p => new TileRow { ImagePath = p });
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));

        var target = Path.GetFullPath(csvPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var tiles = 0;
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).ToFile(target))
        {
            writer.Header.Add(["path", "predicted"]);
            writer.Header.Write();
            try
            {
                foreach (var prediction in ml.Data.CreateEnumerable<TilePrediction>(scored, reuseRowObject: false))
                {
                    using var row = writer.NewRow();
                    row["path"].Set(Path.GetRelativePath(root, prediction.ImagePath).Replace('\\', '/'));
                    row["predicted"].Set(prediction.PredictedLabel);
                    tiles++;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw BadInputException.FromPipeline($"scoring '{root}' stopped after {tiles} tiles (their rows are in {target})", e);
            }
        }

        var seconds = Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored {tiles} tiles in {seconds:F1} s ({tiles / seconds:F1} tiles/s, whole command) -> {target}"));
        return 0;
    }
}
