using LandUse.Analysis.Runs;
using LandUse.Geo.Footprints;
using LandUse.Pipeline.Artifacts;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.GeoJson;

/// <summary>
/// A run's <c>predictions.geojson</c>: one feature per tile with a footprint (scored or failed), properties
/// <c>id, path, row, col, lat, lon, label, group, p_Barren … p_Developed, truth, error, footprint</c> (null where unknown;
/// <c>footprint</c> says <c>grid</c> for the tile's true corners, <c>centre</c> for the square around its lat/lon).
/// </summary>
public static class PredictionFeatures
{
    public const string FileName = RunFiles.PredictionsGeoJson;

    /// <summary>What the summary says when a run has no coordinates, so no file is written.</summary>
    public const string NotWrittenNote =
        $"{FileName} not written: no tile has coordinates (a tiles.csv with lat,lon beside the tiles, as `landuse tile` writes, gives them).";

    /// <summary>Writes predictions.geojson into the run's sink; the feature count, 0 when no tile has a footprint (nothing written).</summary>
    public static Task<int> WriteAsync(IArtifactSink sink, IAsyncEnumerable<PredictionRow> rows, StoreFootprints footprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(footprints);
        return GeoJsonArtifact.WriteAsync(sink, FileName, rows, (r, ct) => footprints.ForAsync(r.Path, r.Row, r.Col, r.Lat, r.Lon, ct), Properties, cancellationToken);
    }

    public static IEnumerable<KeyValuePair<string, object?>> Properties(PredictionRow row, Footprint footprint)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(footprint);
        yield return new("id", row.Id);
        yield return new("path", row.Path);
        yield return new("row", row.Row);
        yield return new("col", row.Col);
        yield return new("lat", row.Lat);
        yield return new("lon", row.Lon);
        yield return new("label", row.Label?.ToString());
        yield return new("group", row.Group?.ToString());
        foreach (var cover in LabelScheme.Classes)
        {
            yield return new("p_" + cover, row.Probabilities is { } p ? p[(int)cover] : null);
        }

        yield return new("truth", row.Truth?.ToString());
        yield return new("error", row.Error);
        yield return new("footprint", footprint.MethodName);
    }
}
