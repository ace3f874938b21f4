using System.Text.Json;

namespace LandUse.Analysis.Change;

/// <summary>Writes candidates.geojson: one Point feature per candidate that has coordinates (lon, lat, WGS 84), for GIS tools.</summary>
public static class CandidatesGeoJson
{
    public const string FileName = "candidates.geojson";

    /// <summary>Writes the file and returns how many features it holds (candidates without coordinates are left out).</summary>
    public static int Write(string file, IEnumerable<ChangeCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        using var stream = File.Create(file);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        var count = 0;
        foreach (var c in candidates)
        {
            if (c.Lat is not { } lat || c.Lon is not { } lon)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(lon);
            json.WriteNumberValue(lat);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("path", c.Path);
            json.WriteString("id", c.Id);
            WriteOptional(json, "row", c.Row);
            WriteOptional(json, "col", c.Col);
            json.WriteString("from", c.From.ToString());
            json.WriteString("to", c.To.ToString());
            json.WriteEndObject();
            json.WriteEndObject();
            count++;
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return count;
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
