using System.Diagnostics;
using Microsoft.ML;

namespace LandUse.MlNetBaseline;

/// <summary>`train &lt;labeled dir&gt; --out &lt;model.zip&gt;`: fits the pipeline on &lt;root&gt;/&lt;Label&gt;/&lt;tile&gt; and saves it.</summary>
public static class TrainCommand
{
    public static int Run(string labeledRoot, string modelPath, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var started = Stopwatch.GetTimestamp();
        var root = Path.GetFullPath(labeledRoot);
        if (!Directory.Exists(root))
        {
            throw new BadInputException($"labeled folder '{root}' does not exist");
        }

        var rows = new List<TileRow>();
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var label = TilePipeline.Classes.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadInputException($"labeled folder '{root}': sub-folder '{name}' is not a class name; expected only {string.Join(", ", TilePipeline.Classes)}");
            rows.AddRange(TilePipeline.Images(folder).Select(p => new TileRow { ImagePath = p, Label = label }));
        }

        if (rows.Select(r => r.Label).Distinct().Count() < 2)
        {
            throw new BadInputException($"labeled folder '{root}' needs tiles of at least two classes in <Label>/<tile>.png sub-folders");
        }

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        ITransformer model;
        try
        {
            model = TilePipeline.Build(ml).Fit(data);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw BadInputException.FromPipeline($"training on '{root}' failed", e);
        }

        var target = Path.GetFullPath(modelPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        ml.Model.Save(model, data.Schema, target);

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        output.WriteLine($"trained on {rows.Count} tiles of {rows.Select(r => r.Label).Distinct().Count()} classes in {seconds:F1} s -> {target}");
        return 0;
    }
}
