using System.Text.Json;
using LandUse.Geo.Footprints;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LandUse.Geo.GeoJson;

/// <summary>
/// Writes a GeoJSON FeatureCollection (RFC 7946: WGS 84 longitude/latitude, counter-clockwise exterior rings) one feature
/// at a time: the envelope by hand with a <see cref="Utf8JsonWriter"/>, each feature through NetTopologySuite's GeoJSON4STJ
/// converter, flushed to the stream as it goes, so a million tiles never sit in memory. Properties are flat scalars
/// (strings, numbers, booleans, null), the form QGIS and other GIS tools read as attribute columns.
/// </summary>
public sealed class FeatureCollectionWriter : IAsyncDisposable
{
    /// <summary>Bytes buffered before they are pushed to the stream.</summary>
    private const int FlushAt = 64 * 1024;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(Wgs84, false, GeoJsonConverterFactory.DefaultIdPropertyName, RingOrientationOption.EnforceRfc9746) },
    };

    private readonly Utf8JsonWriter _json;
    private bool _completed;

    public FeatureCollectionWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _json = new Utf8JsonWriter(stream);
        _json.WriteStartObject();
        _json.WriteString("type", "FeatureCollection");
        _json.WriteStartArray("features");
    }

    /// <summary>Features written so far.</summary>
    public int Count { get; private set; }

    /// <summary>The options that read these files back (<c>JsonSerializer.Deserialize&lt;FeatureCollection&gt;</c>).</summary>
    public static JsonSerializerOptions ReadOptions => Options;

    /// <summary>Adds one tile's footprint polygon with its properties (in the order given).</summary>
    public async Task WriteAsync(Footprint footprint, IEnumerable<KeyValuePair<string, object?>> properties, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        ArgumentNullException.ThrowIfNull(properties);
        ObjectDisposedException.ThrowIf(_completed, this);
        var attributes = new AttributesTable();
        foreach (var (name, value) in properties)
        {
            attributes.Add(name, value);
        }

        JsonSerializer.Serialize<IFeature>(_json, new Feature(Polygon(footprint), attributes), Options);
        Count++;
        if (_json.BytesPending >= FlushAt)
        {
            await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the collection and flushes it; the file is valid GeoJSON only after this.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_completed)
        {
            return;
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _completed = true;
        await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private static Polygon Polygon(Footprint footprint)
    {
        var corners = footprint.Corners;
        var ring = new Coordinate[corners.Count + 1];
        for (var i = 0; i < corners.Count; i++)
        {
            // 1e-9 degrees is about 0.1 mm: exact enough for any tile, and a quarter shorter than a double's full digits.
            ring[i] = new Coordinate(Math.Round(corners[i].Lon, 9), Math.Round(corners[i].Lat, 9));
        }

        ring[^1] = ring[0].Copy();
        return Wgs84.CreatePolygon(ring);
    }
}
