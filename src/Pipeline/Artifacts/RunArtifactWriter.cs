using System.Text;
using LandUse.Analysis.Grids;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.GeoJson;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// Writes a finished run's artifacts into any sink, the same for every output kind, in constant memory: one pass over
/// its stored rows feeds every per-row file (<see cref="RowFiles"/>: <c>predictions.csv</c> with the same columns as
/// <c>landuse score</c>, then <c>lat,lon</c> when the tiles have coordinates; <c>index.csv</c> with grid cells,
/// coordinates and truth) and the map builder (a byte per grid cell); a second streamed pass writes
/// <c>predictions.geojson</c> (tile footprints, feature by feature, when the tiles have coordinates); then
/// <c>report.html</c> with its map PNGs, and <c>summary.json</c> (merged counts, no per-tile data). A report or GeoJSON
/// that cannot be made becomes a warning in the summary and never fails the run; a run without coordinates gets a note
/// instead of a GeoJSON file. The rows are read twice, so they must be re-enumerable (a store query is).
/// </summary>
public static class RunArtifactWriter
{
    /// <summary>The files every run writes row by row; a new per-tile artifact is one more entry here.</summary>
    public static IReadOnlyList<IRunRowFile> RowFiles() => [new PredictionsCsvFile(), new IndexCsvFile()];

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
        var files = RowFiles();
        var maps = new RunMapBuilder();
        try
        {
            await WriteRowFilesAsync(sink, files, 0, async () =>
            {
                await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    foreach (var file in files)
                    {
                        file.Add(row);
                    }

                    maps.Add(ToTileResult(row));
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var file in files)
            {
                file.Dispose();
            }
        }

        var warnings = new List<string>(summary.Warnings ?? []);
        var notes = new List<string>(summary.Notes ?? []);
        await PredictionsGeoJsonAsync(sink, rows, footprints, warnings, notes, cancellationToken).ConfigureAwait(false);
        summary = notes.Count == 0 ? summary : summary with { Notes = notes };
        RunReport? report = null;
        try
        {
            report = RunReportWriter.Build(summary with { Warnings = warnings.Count == 0 ? null : warnings }, maps);
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
        await sink.WriteAsync(RunFiles.Summary, async stream =>
        {
            var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteAsync(written.ToJson().AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Opens the files one inside the other (each sink writes a file inside its callback), then runs the pass in the innermost.</summary>
    private static Task WriteRowFilesAsync(IArtifactSink sink, IReadOnlyList<IRunRowFile> files, int index, Func<Task> pass, CancellationToken cancellationToken)
    {
        if (index == files.Count)
        {
            return pass();
        }

        var file = files[index];
        return sink.WriteAsync(file.Name, async stream =>
        {
            file.Open(stream);
            await WriteRowFilesAsync(sink, files, index + 1, pass, cancellationToken).ConfigureAwait(false);
            await file.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }
}
