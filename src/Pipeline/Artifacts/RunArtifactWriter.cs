using System.Text;
using LandUse.Analysis.Grids;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// Writes a finished run's artifacts into any sink, the same for every output kind, from ONE pass over its stored rows
/// in constant memory: every row goes to each per-row file (<see cref="RowFiles"/>: <c>predictions.csv</c> with the
/// same columns as <c>landuse score</c>, <c>index.csv</c> with grid cells and truth) as it is read, and into the map
/// builder (a byte per grid cell); then <c>report.html</c> with its map PNGs, and <c>summary.json</c> (built from the
/// merged counts, no per-tile data). A report that cannot be drawn becomes a warning in the summary; it never fails
/// the run.
/// </summary>
public static class RunArtifactWriter
{
    /// <summary>The files every run writes row by row; a new per-tile artifact is one more entry here.</summary>
    public static IReadOnlyList<IRunRowFile> RowFiles() => [new PredictionsCsvFile(), new IndexCsvFile()];

    /// <summary>Writes every artifact and returns the summary as written (with any warnings).</summary>
    public static Task<RunSummary> WriteAsync(IArtifactSink sink, IAsyncEnumerable<PredictionRow> rows, RunSummary summary, CancellationToken cancellationToken) =>
        WriteAsync(sink, rows, summary, RowFiles(), cancellationToken);

    /// <summary>Writes <paramref name="files"/> from one pass over <paramref name="rows"/>, then the report and the summary.</summary>
    public static async Task<RunSummary> WriteAsync(
        IArtifactSink sink, IAsyncEnumerable<PredictionRow> rows, RunSummary summary, IReadOnlyList<IRunRowFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(files);
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
        RunReport? report = null;
        try
        {
            report = RunReportWriter.Build(summary, maps);
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
