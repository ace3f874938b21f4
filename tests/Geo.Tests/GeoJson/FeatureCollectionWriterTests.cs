using System.Text.Json;
using LandUse.Geo.Footprints;
using LandUse.Geo.GeoJson;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace LandUse.Geo.Tests.GeoJson;

/// <summary>The streamed FeatureCollection: RFC 7946 polygons QGIS reads, flat properties, pushed to the stream as it goes.</summary>
public sealed class FeatureCollectionWriterTests
{
    [Fact]
    public async Task Features_read_back_with_GeoJSON4STJ_as_closed_counter_clockwise_polygons_with_their_properties()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stream = new MemoryStream();
        var square = CentreFootprints.Square(40.6, -77.4);
        await using (var writer = new FeatureCollectionWriter(stream))
        {
            await writer.WriteAsync(square, [new("id", "r0001_c0002"), new("row", 1), new("label", "Forest"), new("p_Forest", 0.75f), new("truth", null)], ct);
            await writer.WriteAsync(CentreFootprints.Square(40.7, -77.5), [new("id", "b"), new("row", 2), new("label", null), new("p_Forest", null), new("truth", "Developed")], ct);
            await writer.CompleteAsync(ct);
            Assert.Equal(2, writer.Count);
        }

        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var collection = JsonSerializer.Deserialize<FeatureCollection>(json, FeatureCollectionWriter.ReadOptions)!;
        Assert.Equal(2, collection.Count);
        var first = collection[0];
        var polygon = Assert.IsType<Polygon>(first.Geometry);
        Assert.Equal(5, polygon.ExteriorRing.NumPoints);
        Assert.True(polygon.ExteriorRing.IsClosed);
        Assert.True(NetTopologySuite.Algorithm.Orientation.IsCCW(polygon.ExteriorRing.CoordinateSequence), "exterior ring must be counter-clockwise");
        Assert.Equal(square.Corners[0].Lon, polygon.ExteriorRing.GetCoordinateN(0).X, 1e-9);
        Assert.Equal(square.Corners[0].Lat, polygon.ExteriorRing.GetCoordinateN(0).Y, 1e-9);
        Assert.Equal("r0001_c0002", first.Attributes["id"]);
        Assert.Equal(0.75, Convert.ToDouble(first.Attributes["p_Forest"], System.Globalization.CultureInfo.InvariantCulture), 1e-6);
        Assert.Null(first.Attributes["truth"]);
        Assert.Equal("Developed", collection[1].Attributes["truth"]);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        var properties = doc.RootElement.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal(["id", "row", "label", "p_Forest", "truth"], properties.EnumerateObject().Select(p => p.Name));
        Assert.All(properties.EnumerateObject(), p => Assert.NotEqual(JsonValueKind.Object, p.Value.ValueKind));
        Assert.False(doc.RootElement.TryGetProperty("crs", out _), "RFC 7946 has no crs member: WGS 84 is implied");
    }

    [Fact]
    public async Task An_empty_collection_is_valid_GeoJSON()
    {
        using var stream = new MemoryStream();
        await using (var writer = new FeatureCollectionWriter(stream))
        {
            await writer.CompleteAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal("""{"type":"FeatureCollection","features":[]}""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task Features_reach_the_stream_while_the_collection_is_still_being_written()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stream = new MemoryStream();
        var largest = 0L;
        await using var writer = new FeatureCollectionWriter(stream);
        for (var i = 0; i < 5000; i++)
        {
            await writer.WriteAsync(CentreFootprints.Square(40 + (i * 1e-4), -77), [new("id", $"tile-{i}"), new("row", i)], ct);
            largest = Math.Max(largest, stream.Length);
        }

        var pending = stream.Length;
        await writer.CompleteAsync(ct);

        Assert.True(largest > stream.Length / 2, $"only {largest} of {stream.Length} bytes were flushed before the end");
        Assert.True(stream.Length - pending < 128 * 1024, "the writer held more than its flush threshold");
    }
}
