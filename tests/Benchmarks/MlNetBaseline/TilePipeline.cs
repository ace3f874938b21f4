using Microsoft.ML;

namespace LandUse.MlNetBaseline;

/// <summary>
/// The textbook ML.NET image classifier over a pretrained backbone, as ML.NET's documentation builds it: load, resize
/// to 224x224, extract pixels, ResNet18 features (DnnFeaturizeImage), then a multiclass L-BFGS maximum-entropy head.
/// </summary>
public static class TilePipeline
{
    /// <summary>The six class folder names of the labeled layout, as LandUse's label scheme spells them.</summary>
    public static readonly IReadOnlyList<string> Classes = ["Barren", "Forest", "Shrub", "Cultivated", "Herbaceous", "Developed"];

    public static IEstimator<ITransformer> Build(MLContext ml)
    {
        ArgumentNullException.ThrowIfNull(ml);

        // Paths are absolute, so no image folder: a saved model scores tiles wherever they are.
        return ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(TileRow.Label))
            .Append(ml.Transforms.LoadImages("Image", imageFolder: null, inputColumnName: nameof(TileRow.ImagePath)))
            .Append(ml.Transforms.ResizeImages("Image", imageWidth: 224, imageHeight: 224))
            .Append(ml.Transforms.ExtractPixels("Pixels", "Image"))
            .Append(ml.Transforms.DnnFeaturizeImage("Features", m => m.ModelSelector.ResNet18(ml, m.OutputColumn, m.InputColumn), "Pixels"))
            // L-BFGS passes over the data many times: cache the features once, as the documentation advises.
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(labelColumnName: "LabelKey", featureColumnName: "Features"))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(TilePrediction.PredictedLabel)));
    }

    /// <summary>The .png/.jpg/.jpeg files under <paramref name="root"/>, recursively, in ordinal path order.</summary>
    public static IReadOnlyList<string> Images(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetExtension(p).ToUpperInvariant() is ".PNG" or ".JPG" or ".JPEG")
            .Order(StringComparer.Ordinal)];
}
