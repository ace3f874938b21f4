using LandUse.Scoring.Bundles;

namespace LandUse.Scoring.Registry;

/// <summary>
/// One published version: its reference, when it was published, the size of model.onnx and its manifest (labels,
/// sha256, precision). What <c>landuse model list</c> shows and what a download verifies against.
/// </summary>
public sealed record RegistryVersion(ModelReference Reference, DateTimeOffset Created, long ModelBytes, ModelManifest Manifest, byte[] ManifestBytes)
{
    public string Name => Reference.Name;

    public string Version => Reference.Version!;

    public string Sha256 => Manifest.Sha256;

    public IReadOnlyList<string> Labels => Manifest.Labels;
}
