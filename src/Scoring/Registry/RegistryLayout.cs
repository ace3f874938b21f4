using LandUse.Scoring.Bundles;

namespace LandUse.Scoring.Registry;

/// <summary>
/// Where a version lives in the registry container: <c>&lt;name&gt;/&lt;version&gt;/model.onnx</c> and
/// <c>&lt;name&gt;/&lt;version&gt;/manifest.json</c>. A version exists once its manifest does (it is written last).
/// </summary>
public static class RegistryLayout
{
    /// <summary>The container the registry lives in unless a host says otherwise.</summary>
    public const string DefaultContainer = "models";

    /// <summary>Metadata on manifest.json: when the version was published (ISO 8601 UTC); "newest" is the latest of these.</summary>
    public const string CreatedMetadata = "created";

    public static string ModelBlob(ModelReference pinned) => Folder(pinned) + ModelBundle.ModelFileName;

    public static string ManifestBlob(ModelReference pinned) => Folder(pinned) + ModelBundle.ManifestFileName;

    /// <summary><c>&lt;name&gt;/&lt;version&gt;/</c>, or <c>&lt;name&gt;/</c> for a reference without a version.</summary>
    public static string Folder(ModelReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.IsPinned ? $"{reference.Name}/{reference.Version}/" : $"{reference.Name}/";
    }

    /// <summary>The version a blob name belongs to and which file it is, or null for blobs outside the layout.</summary>
    public static (ModelReference Version, string File)? Parse(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var parts = blobName.Split('/');
        if (parts.Length != 3 || parts[2] is not (ModelBundle.ModelFileName or ModelBundle.ManifestFileName))
        {
            return null;
        }

        return ModelReference.TryParse($"{parts[0]}/{parts[1]}", out var reference, out _) ? (reference, parts[2]) : null;
    }
}
