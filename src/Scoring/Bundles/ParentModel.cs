namespace LandUse.Scoring.Bundles;

/// <summary>The FP32 bundle a derived (quantized) bundle was made from, named so the exact parent can be found again.</summary>
public sealed record ParentModel(string Name, string Version, string Sha256)
{
    public static ParentModel Of(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new ParentModel(manifest.Name, manifest.Version, manifest.Sha256);
    }

    public override string ToString() => $"{Name} version {Version} (sha256 {Sha256})";
}
