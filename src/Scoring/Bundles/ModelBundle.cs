using System.Text.Json;
using Google.Protobuf;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Bundles;

/// <summary>
/// A validated model folder (model.onnx + manifest.json). Loading checks the manifest against itself and against
/// the ONNX graph, so a scorer never runs a model whose labels, shapes or bytes disagree with what it was told.
/// </summary>
public sealed class ModelBundle
{
    public const string ModelFileName = "model.onnx";
    public const string ManifestFileName = "manifest.json";

    private ModelBundle(string folder, ModelManifest manifest, IReadOnlyList<LandCover> labels, string outputName, int? fixedBatch)
    {
        Folder = folder;
        Manifest = manifest;
        Labels = labels;
        OutputName = outputName;
        FixedBatchSize = fixedBatch;
    }

    /// <summary>Full path of the bundle folder.</summary>
    public string Folder { get; }

    public string ModelPath => Path.Combine(Folder, ModelFileName);

    public ModelManifest Manifest { get; }

    /// <summary>The classes in model-output order.</summary>
    public IReadOnlyList<LandCover> Labels { get; }

    /// <summary>The graph output the scorer reads (the model's first output).</summary>
    public string OutputName { get; }

    public int OutputWidth => Labels.Count;

    /// <summary>Set when the model's batch dimension is a fixed number rather than symbolic.</summary>
    public int? FixedBatchSize { get; }

    /// <summary>"fp32" or "int8": what the manifest says and the graph was checked to hold.</summary>
    public string Precision => Manifest.Precision;

    /// <summary>The version recorded with every prediction.</summary>
    public string Version => Manifest.Version;

    /// <summary>Loads and validates a bundle; throws <see cref="ModelBundleException"/> naming the folder and the problem.</summary>
    public static ModelBundle Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var folder = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(folder))
        {
            throw ModelBundleException.For(folder, "the folder does not exist.");
        }

        var manifestPath = Path.Combine(folder, ManifestFileName);
        var modelPath = Path.Combine(folder, ModelFileName);
        if (!File.Exists(manifestPath))
        {
            throw ModelBundleException.For(folder, $"{ManifestFileName} is missing.");
        }

        if (!File.Exists(modelPath))
        {
            throw ModelBundleException.For(folder, $"{ModelFileName} is missing.");
        }

        var manifest = ReadManifest(folder, manifestPath);
        var labels = ManifestRules.Check(folder, manifest);

        var sha = ModelFileHash.Of(modelPath);
        if (!string.Equals(sha, manifest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw ModelBundleException.For(folder, $"sha256 mismatch: {ModelFileName} hashes to {sha} but the manifest says {manifest.Sha256}.");
        }

        Onnx.ModelProto model;
        try
        {
            model = OnnxFile.ReadOutline(modelPath);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidDataException)
        {
            throw ModelBundleException.For(folder, $"{ModelFileName} is not a readable ONNX model ({ex.Message}).", ex);
        }

        var (outputName, fixedBatch) = ShapeRules.Check(folder, manifest, OnnxModelShape.From(model), labels.Count);
        PrecisionRules.Check(folder, manifest, model);
        return new ModelBundle(folder, manifest, labels, outputName, fixedBatch);
    }

    private static ModelManifest ReadManifest(string folder, string manifestPath)
    {
        try
        {
            return ManifestJson.Deserialize(File.ReadAllText(manifestPath))
                ?? throw ModelBundleException.For(folder, $"{ManifestFileName} is empty (null).");
        }
        catch (JsonException ex)
        {
            throw ModelBundleException.For(folder, $"{ManifestFileName} is not a valid manifest: {ex.Message}", ex);
        }
    }
}
