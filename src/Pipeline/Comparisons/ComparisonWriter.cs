using LandUse.Analysis.Change;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Review;
using LandUse.Analysis.Runs;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.GeoJson;

namespace LandUse.Pipeline.Comparisons;

/// <summary>
/// Every comparison's outputs, for <c>landuse compare</c>, the demo and the CompareRuns activity alike: change detection,
/// candidates.geojson (footprints from the runs' grids), the review thumbnails (tiles from the runs' stores), then
/// compare.html, candidates.csv and change.json. Candidates go in review order (most confident first) everywhere. Both runs
/// are streams (<see cref="StreamedRun"/>): detection reads each a few times and the review sheet once more, holding grid
/// cells and candidates, never every tile.
/// </summary>
public static class ComparisonWriter
{
    public static async Task<ComparisonOutcome> WriteAsync(
        StreamedRun a, StreamedRun b, ChangeOptions options, string outDir, ComparisonSources sources, ReviewOptions review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        Directory.CreateDirectory(outDir);
        var result = await ChangeDetector.DetectAsync(a.RunId, a.Tiles, b.RunId, b.Tiles, options, cancellationToken).ConfigureAwait(false);
        var ranked = CandidateRanking.MostConfidentFirst(result.Candidates);
        var (geoJson, geoNote) = await CandidatesGeoJsonAsync(ranked, sources, outDir, cancellationToken).ConfigureAwait(false);
        var sheet = await ReviewSheetBuilder.BuildAsync(ranked, a, b, sources, outDir, review, cancellationToken).ConfigureAwait(false);
        var extras = new ComparisonExtras
        {
            Ranked = ranked,
            Review = sheet,
            ImageSide = NeighbourhoodImage.Side(review.CellPixels),
            GeoJson = geoJson,
            GeoJsonNote = geoNote,
        };
        return new ComparisonOutcome(result, ComparisonReportWriter.Write(result, outDir, extras));
    }

    /// <summary>candidates.geojson's path, or null and the note the report shows (no coordinates, or what went wrong).</summary>
    private static async Task<(string? Path, string? Note)> CandidatesGeoJsonAsync(
        IReadOnlyList<RankedCandidate> ranked, ComparisonSources sources, string outDir, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outDir, CandidateFeatures.FileName);
        string note;
        try
        {
            var written = await CandidateFeatures.WriteAsync(new FolderArtifactSink(outDir), ranked, new StoreFootprints(sources.A), new StoreFootprints(sources.B), cancellationToken)
                .ConfigureAwait(false);
            if (written > 0)
            {
                return (path, null);
            }

            note = ranked.Count == 0
                ? $"{CandidateFeatures.FileName} not written: there are no candidates."
                : $"{CandidateFeatures.FileName} not written: no candidate has coordinates (a tiles.csv with lat,lon beside the tiles, as `landuse tile` writes, gives them).";
        }
#pragma warning disable CA1031 // The comparison itself stands without its GeoJSON; the report says what went wrong.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            note = $"{CandidateFeatures.FileName} could not be written: {ex.Message}";
        }

        // A stale GeoJSON from an earlier comparison would contradict this one.
        File.Delete(path);
        return (null, note);
    }
}
