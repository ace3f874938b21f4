using LandUse.Geo.Footprints;
using LandUse.Geo.GeoJson;
using LandUse.Pipeline.Artifacts;

namespace LandUse.Pipeline.GeoJson;

/// <summary>
/// Streams items into a GeoJSON file of an artifact sink, one feature each, in one pass: items are read until the first
/// one with a footprint; only then is the file opened (so a run without coordinates writes no file, and no item is held
/// back), and the rest follow feature by feature.
/// </summary>
public static class GeoJsonArtifact
{
    /// <summary>Writes <paramref name="name"/> and returns its feature count; 0 when no item had a footprint (nothing written).</summary>
    public static async Task<int> WriteAsync<T>(
        IArtifactSink sink,
        string name,
        IAsyncEnumerable<T> items,
        Func<T, CancellationToken, ValueTask<Footprint?>> footprint,
        Func<T, Footprint, IEnumerable<KeyValuePair<string, object?>>> properties,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(footprint);
        ArgumentNullException.ThrowIfNull(properties);
        var rest = items.GetAsyncEnumerator(cancellationToken);
        await using (rest.ConfigureAwait(false))
        {
            Footprint? first = null;
            while (first is null && await rest.MoveNextAsync().ConfigureAwait(false))
            {
                first = await footprint(rest.Current, cancellationToken).ConfigureAwait(false);
            }

            if (first is null)
            {
                return 0;
            }

            var count = 0;
            await sink.WriteAsync(name, async stream =>
            {
                var writer = new FeatureCollectionWriter(stream);
                await using (writer.ConfigureAwait(false))
                {
                    await writer.WriteAsync(first, properties(rest.Current, first), cancellationToken).ConfigureAwait(false);
                    while (await rest.MoveNextAsync().ConfigureAwait(false))
                    {
                        if (await footprint(rest.Current, cancellationToken).ConfigureAwait(false) is { } next)
                        {
                            await writer.WriteAsync(next, properties(rest.Current, next), cancellationToken).ConfigureAwait(false);
                        }
                    }

                    await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    count = writer.Count;
                }
            }, cancellationToken).ConfigureAwait(false);
            return count;
        }
    }
}
