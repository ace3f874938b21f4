using System.Text;
using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// Writes a finished run's artifacts into any sink, the same for every output kind: <c>predictions.csv</c> (the same
/// columns as <c>landuse score</c>), <c>index.csv</c> (grid cells and truth), <c>report.html</c> with its map PNGs, and
/// <c>summary.json</c>. A report that cannot be drawn becomes a warning in the summary; it never fails the run.
/// </summary>
public static class RunArtifactWriter
{
    /// <summary>Writes every artifact and returns the summary as written (with any warnings).</summary>
    public static async Task<RunSummary> WriteAsync(IArtifactSink sink, IAsyncEnumerable<PredictionRow> rows, RunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(summary);
        var all = new List<PredictionRow>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            all.Add(row);
        }

        await WriteTextAsync(sink, RunFiles.Predictions, writer => PredictionCsv.Write(writer, all), cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(sink, RunFiles.Index, writer => IndexCsv.Write(writer, all.Select(r => new TileIndexEntry(r.Path, r.Id, r.Row, r.Col, r.Lat, r.Lon, r.Truth))), cancellationToken)
            .ConfigureAwait(false);

        var warnings = new List<string>(summary.Warnings ?? []);
        RunReport? report = null;
        try
        {
            report = RunReportWriter.Build(summary, [.. all.Select(ToTileResult)]);
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
