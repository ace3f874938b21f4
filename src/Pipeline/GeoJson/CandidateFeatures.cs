using LandUse.Analysis.Change;
using LandUse.Geo.Footprints;
using LandUse.Pipeline.Artifacts;

namespace LandUse.Pipeline.GeoJson;

/// <summary>
/// A comparison's <c>candidates.geojson</c>, most confident first: one feature per candidate with a footprint, properties
/// <c>rank, id, path, a_path, row, col, lat, lon, change, label_a, p_label_a, group_a, p_group_a, label_b, p_label_b,
/// group_b, p_group_b, confidence, truth_changed, footprint</c>. The footprint is run B's tile's (its grid.json), else run
/// A's, else the square around the candidate's lat/lon.
/// </summary>
public static class CandidateFeatures
{
    public const string FileName = "candidates.geojson";

    public static Task<int> WriteAsync(IArtifactSink sink, IReadOnlyList<RankedCandidate> ranked, StoreFootprints footprintsA, StoreFootprints footprintsB, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(footprintsA);
        ArgumentNullException.ThrowIfNull(footprintsB);
        return GeoJsonArtifact.WriteAsync(sink, FileName, ranked.ToAsyncEnumerable(), async (r, ct) =>
        {
            var c = r.Candidate;
            var b = await footprintsB.ForAsync(c.Path, c.Row, c.Col, c.Lat, c.Lon, ct).ConfigureAwait(false);
            if (b is { Method: FootprintMethod.Grid })
            {
                return b;
            }

            var a = await footprintsA.ForAsync(c.APath, c.Row, c.Col, c.Lat, c.Lon, ct).ConfigureAwait(false);
            return a is { Method: FootprintMethod.Grid } ? a : b ?? a;
        }, Properties, cancellationToken);
    }

    public static IEnumerable<KeyValuePair<string, object?>> Properties(RankedCandidate ranked, Footprint footprint)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(footprint);
        var c = ranked.Candidate;
        yield return new("rank", ranked.Rank);
        yield return new("id", c.Id);
        yield return new("path", c.Path);
        yield return new("a_path", c.APath);
        yield return new("row", c.Row);
        yield return new("col", c.Col);
        yield return new("lat", c.Lat);
        yield return new("lon", c.Lon);
        yield return new("change", $"{c.From} -> {c.To}");
        yield return new("label_a", c.ALabel?.ToString());
        yield return new("p_label_a", Round(c.ALabelProbability));
        yield return new("group_a", c.From.ToString());
        yield return new("p_group_a", Round(c.FromProbability));
        yield return new("label_b", c.BLabel?.ToString());
        yield return new("p_label_b", Round(c.BLabelProbability));
        yield return new("group_b", c.To.ToString());
        yield return new("p_group_b", Round(c.ToProbability));
        yield return new("confidence", Round(c.Confidence));
        yield return new("truth_changed", c.TruthChanged);
        yield return new("footprint", footprint.MethodName);
    }

    /// <summary>Six decimals, as candidates.csv writes them (probabilities summed from floats carry noise past that).</summary>
    private static double? Round(double? p) => p is { } v ? Math.Round(v, 6) : null;
}
