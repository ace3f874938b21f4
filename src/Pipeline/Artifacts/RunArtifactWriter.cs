using System.Text;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.GeoJson;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// Writes a finished run's artifacts into any sink, the same for every output kind: <c>predictions.csv</c> (the same
/// columns as <c>landuse score</c>, then <c>lat,lon</c> when the tiles have coordinates), <c>index.csv</c> (grid cells,
/// coordinates and truth), <c>predictions.geojson</c> (tile footprints, when the tiles have coordinates), <c>report.html</c>
/// with its map PNGs, and <c>summary.json</c>. A report or GeoJSON that cannot be made becomes a warning in the summary;
/// it never fails the run. A run without coordinates gets a note instead of a GeoJSON file.
/// </summary>
public static class RunArtifactWriter
{
    /// <summary>Writes every artifact (footprints as centre squares only) and returns the summary as written.</summary>
    public static Task<RunSummary> WriteAsync(IArtifactSink sink, IAsyncEnumerable<PredictionRow> rows, RunSummary summary, CancellationToken cancellationToken) =>
        WriteAsync(sink, rows, summary, StoreFootprints.CentresOnly, cancellationToken);

    /// <summary>Writes every artifact, footprints from the run's tile store, and returns the summary as written (with any warnings and notes).</summary>
    public static async Task<RunSummary> WriteAsync(IArtifactSink sink, IAsyncEnumerable<PredictionRow> rows, RunSummary summary, StoreFootprints footprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(footprints);
        var all = new List<PredictionRow>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            all.Add(row);
        }

        var withCoordinates = all.Exists(r => r.Lat is not null && r.Lon is not null);
        await WriteTextAsync(sink, RunFiles.Predictions, writer => PredictionCsv.Write(writer, all, withCoordinates), cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(sink, RunFiles.Index, writer => IndexCsv.Write(writer, all.Select(r => new TileIndexEntry(r.Path, r.Id, r.Row, r.Col, r.Lat, r.Lon, r.Truth))), cancellationToken)
            .ConfigureAwait(false);

        var warnings = new List<string>(summary.Warnings ?? []);
        var notes = new List<string>(summary.Notes ?? []);
        await PredictionsGeoJsonAsync(sink, all.ToAsyncEnumerable(), footprints, warnings, notes, cancellationToken).ConfigureAwait(false);
        summary = notes.Count == 0 ? summary : summary with { Notes = notes };
        RunReport? report = null;
        try
        {
            report = RunReportWriter.Build(summary with { Warnings = warnings.Count == 0 ? null : warnings }, [.. all.Select(ToTileResult)]);
            warnings.AddRange(report.Warnings);
        }
#pragma warning disable CA1031 // Drawing is best effort: the run's tiles are scored and its rows and summary are written regardless.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            warnings.Add($"The report could not be drawn: {ex.Message}");
        }

        if (report is not null)
        {
            foreach (var file in report.Files)
            {
                await sink.WriteAsync(file.Name, stream => stream.WriteAsync(file.Content, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
            }
        }

        var written = warnings.Count == 0 ? summary : summary with { Warnings = warnings };
        await WriteTextAsync(sink, RunFiles.Summary, writer => writer.Write(written.ToJson()), cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Analysis's view of a stored row.</summary>
    public static TileResult ToTileResult(PredictionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new TileResult(row.Path, row.Id, row.Label, row.Truth, row.Probabilities, row.Error, row.Row, row.Col, row.Lat, row.Lon);
    }

    /// <summary>predictions.geojson, tile by tile from the rows; no coordinates is a note, a failure a warning.</summary>
    private static async Task PredictionsGeoJsonAsync(
        IArtifactSink sink, IAsyncEnumerable<PredictionRow> rows, StoreFootprints footprints, List<string> warnings, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            // A summary written before (a Table run exported to its local folder) already carries the note.
            if (await PredictionFeatures.WriteAsync(sink, rows, footprints, cancellationToken).ConfigureAwait(false) == 0 && !notes.Contains(PredictionFeatures.NotWrittenNote))
            {
                notes.Add(PredictionFeatures.NotWrittenNote);
            }
        }
#pragma warning disable CA1031 // Like the report: the run's tiles are scored and its rows are written whatever the GeoJSON does.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            warnings.Add($"{PredictionFeatures.FileName} could not be written: {ex.Message}");
        }
    }

    private static Task WriteTextAsync(IArtifactSink sink, string name, Action<TextWriter> write, CancellationToken cancellationToken) =>
        sink.WriteAsync(name, async stream =>
        {
            var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                write(writer);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
}
