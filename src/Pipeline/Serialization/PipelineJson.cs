using System.Text.Json;
using System.Text.Json.Serialization;

namespace LandUse.Pipeline.Serialization;

/// <summary>The one JSON shape for files and table columns the pipeline writes: camelCase, enums as names, no nulls.</summary>
public static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Same as <see cref="Options"/>, indented, for files people read.</summary>
    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };
}
