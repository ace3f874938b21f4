namespace LandUse.Scoring.Backbone;

/// <summary>
/// Where the ImageNet ResNet18 backbone and its preprocessing graph live at run time: the build copies them from the
/// NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 into DnnImageModels/ next to the program.
/// </summary>
public sealed record BackboneFiles(string PreprocessPath, string BackbonePath)
{
    public const string PreprocessRelative = "DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx";
    public const string BackboneRelative = "DnnImageModels/ResNet18Onnx/ResNet18.onnx";

    /// <summary>Finds both files under <paramref name="baseDirectory"/> (default: the program's folder) or explains how to get them.</summary>
    public static BackboneFiles Locate(string? baseDirectory = null)
    {
        var root = baseDirectory ?? AppContext.BaseDirectory;
        var files = new BackboneFiles(Path.Combine(root, PreprocessRelative), Path.Combine(root, BackboneRelative));
        foreach (var path in new[] { files.PreprocessPath, files.BackbonePath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The ResNet18 backbone file '{path}' is missing. The build copies it from the NuGet package "
                    + "Microsoft.ML.DnnImageFeaturizer.ResNet18 into DnnImageModels/ beside the program; restore and rebuild the project that references LandUse.Scoring.",
                    path);
            }
        }

        return files;
    }
}
