using System.Text.Json;
using System.Text.Json.Serialization;

namespace LandUse.Functions.Api;

/// <summary>The one set of JSON options for request bodies, so an unknown or misspelt field is an error, not a silent default.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };
}
