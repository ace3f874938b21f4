using System.Text.Json;

namespace LandUse.Analysis.Summaries;

/// <summary>The one set of JSON options for analysis files, so writer and reader always agree.</summary>
public static class SummaryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
