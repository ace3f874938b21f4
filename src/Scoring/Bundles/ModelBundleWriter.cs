namespace LandUse.Scoring.Bundles;

/// <summary>Writes a bundle folder: the model bytes, and the manifest with the model's SHA-256 filled in; then loads it back.</summary>
public static class ModelBundleWriter
{
    /// <summary>Writes model.onnx and manifest.json (its sha256 replaced by the real one) and returns the validated bundle.</summary>
    public static ModelBundle Write(string directory, ReadOnlySpan<byte> model, ModelManifest manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(directory);
        var sealedManifest = manifest with { Sha256 = ModelFileHash.Of(model) };

        // Write to temporary names first so a crash never leaves a model with another model's manifest.
        var modelPath = Path.Combine(directory, ModelBundle.ModelFileName);
        var manifestPath = Path.Combine(directory, ModelBundle.ManifestFileName);
        WriteAtomically(modelPath, model);
        WriteAtomically(manifestPath, System.Text.Encoding.UTF8.GetBytes(ManifestJson.Serialize(sealedManifest)));
        return ModelBundle.Load(directory);
    }

    /// <summary>Copies an existing ONNX file into a bundle folder with the given manifest.</summary>
    public static ModelBundle WriteFromFile(string directory, string modelFile, ModelManifest manifest) =>
        Write(directory, File.ReadAllBytes(modelFile), manifest);

    private static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            stream.Write(content);
        }

        File.Move(temp, path, overwrite: true);
    }
}
