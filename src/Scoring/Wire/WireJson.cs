using System.Text.Json;

namespace LandUse.Scoring.Wire;

/// <summary>The worker contract's JSON shape (camelCase), the same on both ends.</summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
