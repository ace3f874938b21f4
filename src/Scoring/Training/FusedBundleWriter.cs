using Google.Protobuf;
using LandUse.Scoring.Backbone;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Training;

/// <summary>
/// Writes ONE graph as a bundle: preprocessing + backbone + Flatten + Gemm (standardization folded into the weights)
/// + Softmax. Preprocessing lives in the graph, so the manifest asks for plain RGB 0-255 (scale 1, mean 0, std 1).
/// </summary>
public static class FusedBundleWriter
{
    /// <param name="bundleDir">Folder to write.</param>
    /// <param name="head">The fitted head; one output per entry of <paramref name="labels"/>.</param>
    /// <param name="name">Model name.</param>
    /// <param name="version">Version; null means name + the model's hash prefix.</param>
    /// <param name="files">Backbone files; null means the packaged ResNet18.</param>
    /// <param name="labels">The head's classes in output order; null means all six in <see cref="LabelScheme.Classes"/> order.</param>
    public static ModelBundle Write(string bundleDir, SoftmaxHead head, string name, string? version = null, BackboneFiles? files = null, IReadOnlyList<LandCover>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(head);
        labels ??= LabelScheme.Classes;
        if (head.FeatureCount != BackboneGraph.FeatureCount || head.ClassCount != labels.Count)
        {
            throw new ArgumentException($"A fused bundle needs a {labels.Count}-class head on {BackboneGraph.FeatureCount} features; got {head.ClassCount} x {head.FeatureCount}.", nameof(head));
        }

        var (weights, bias) = head.FoldStandardization();
        var model = BackboneGraph.AppendSoftmaxHead(BackboneGraph.BuildFeatureModel(files), weights, bias).ToByteArray();
        var sha = ModelFileHash.Of(model);
        var manifest = new ModelManifest
        {
            Name = name,
            Version = version ?? $"{name}-{sha[..12]}",
            Sha256 = sha,
            Labels = [.. labels.Select(l => l.ToString())],
            InputName = BackboneGraph.InputName,
            InputWidth = BackboneGraph.InputSide,
            InputHeight = BackboneGraph.InputSide,
            Layout = "NCHW",
            ChannelOrder = "RGB",
            PixelScale = 1f,
            Mean = [0f, 0f, 0f],
            Std = [1f, 1f, 1f],
            OutputKind = OutputKinds.Probabilities,
        };
        return ModelBundleWriter.Write(bundleDir, model, manifest);
    }
}
