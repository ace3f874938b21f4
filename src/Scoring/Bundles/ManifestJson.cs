using System.Text.Json;

namespace LandUse.Scoring.Bundles;

/// <summary>The one JSON shape of manifest.json: camelCase, indented, strict about unknown members.</summary>
internal static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize(ModelManifest manifest) => JsonSerializer.Serialize(manifest, Options);

    public static ModelManifest? Deserialize(string json) => JsonSerializer.Deserialize<ModelManifest>(json, Options);
}
