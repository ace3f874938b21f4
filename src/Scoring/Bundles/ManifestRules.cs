using System.Globalization;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Bundles;

/// <summary>Checks a manifest on its own: names, labels (two or more distinct classes), layout and normalization values.</summary>
internal static class ManifestRules
{
    public static IReadOnlyList<LandCover> Check(string folder, ModelManifest m)
    {
        Require(folder, !string.IsNullOrWhiteSpace(m.Name), "manifest name is empty.");
        Require(folder, !string.IsNullOrWhiteSpace(m.Version), "manifest version is empty.");
        Require(folder, IsSha(m.Sha256), $"manifest sha256 '{m.Sha256}' is not 64 hex digits.");
        Require(folder, m.LabelScheme == ModelManifest.LandCoverScheme, $"unknown label scheme '{m.LabelScheme}' (expected '{ModelManifest.LandCoverScheme}').");
        Require(folder, !string.IsNullOrWhiteSpace(m.InputName), "manifest inputName is empty.");
        Require(folder, m.InputWidth > 0 && m.InputHeight > 0, $"unsupported input size {m.InputWidth}x{m.InputHeight}.");
        Require(folder, m.Layout == "NCHW", $"unsupported input layout '{m.Layout}' (only NCHW).");
        Require(folder, m.ChannelOrder is "RGB" or "BGR", $"unsupported channel order '{m.ChannelOrder}' (RGB or BGR).");
        Require(folder, float.IsFinite(m.PixelScale) && m.PixelScale > 0, $"pixelScale {Text(m.PixelScale)} must be a positive number.");
        Require(folder, m.Mean is { Count: 3 } && m.Mean.All(float.IsFinite), "mean must hold 3 finite numbers, one per channel.");
        Require(folder, m.Std is { Count: 3 } && m.Std.All(s => float.IsFinite(s) && s > 0), "std must hold 3 positive numbers, one per channel.");
        Require(folder, m.OutputKind is OutputKinds.Probabilities or OutputKinds.Logits, $"unknown output kind '{m.OutputKind}' (probabilities or logits).");
        Require(folder, ModelPrecision.IsKnown(m.Precision), $"unknown precision '{m.Precision}' ({ModelPrecision.Fp32} or {ModelPrecision.Int8}).");
        Require(folder, m.Parent is null || (!string.IsNullOrWhiteSpace(m.Parent.Name) && !string.IsNullOrWhiteSpace(m.Parent.Version) && IsSha(m.Parent.Sha256)),
            "parent must name the FP32 bundle it was made from: name, version and a 64-hex-digit sha256.");
        return CheckLabels(folder, m.Labels);
    }

    private static List<LandCover> CheckLabels(string folder, IReadOnlyList<string>? names)
    {
        Require(folder, names is { Count: > 0 }, "manifest has no labels.");
        var labels = new List<LandCover>();
        foreach (var name in names!)
        {
            if (!LabelScheme.TryParseClass(name, out var cover))
            {
                throw ModelBundleException.For(folder, $"unknown label '{name}' (labels must be {string.Join(", ", LabelScheme.ClassNames)}).");
            }

            Require(folder, !labels.Contains(cover), $"label '{name}' appears twice.");
            labels.Add(cover);
        }

        Require(folder, labels.Count >= 2, $"manifest names only {labels[0]}; a bundle needs at least two of the six classes.");
        return labels;
    }

    private static void Require(string folder, bool ok, string problem)
    {
        if (!ok)
        {
            throw ModelBundleException.For(folder, problem);
        }
    }

    private static bool IsSha(string? sha) => sha is { Length: 64 } && sha.All(Uri.IsHexDigit);

    private static string Text(float value) => value.ToString(CultureInfo.InvariantCulture);
}
