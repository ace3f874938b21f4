using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.IO;
using LandUse.Pipeline.Predictions;
using LandUse.Scoring.Output;
using CsvRow = LandUse.Scoring.Output.PredictionRow;
using PredictionRow = LandUse.Pipeline.Predictions.PredictionRow;

namespace LandUse.Pipeline.Runs;

/// <summary>
/// Writes a finished run's files into its folder: <c>predictions.csv</c> (the same columns as <c>landuse score</c>),
/// <c>index.csv</c> (grid cells and truth), <c>summary.json</c> and the HTML report. Each file is replaced atomically.
/// </summary>
public static class RunArtifacts
{
    public const string PredictionsFile = "predictions.csv";
    public const string SummaryFile = "summary.json";

    public static async Task WriteAsync(string folder, IAsyncEnumerable<PredictionRow> rows, RunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(summary);
        Directory.CreateDirectory(folder);
        var all = new List<PredictionRow>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            all.Add(row);
        }

        await WritePredictionsAsync(Path.Combine(folder, PredictionsFile), all, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAsync(Path.Combine(folder, IndexCsv.FileName), async stream =>
        {
            var writer = new StreamWriter(stream, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                IndexCsv.Write(writer, all.Select(r => new TileIndexEntry(r.Path, r.Id, r.Row, r.Col, r.Lat, r.Lon, r.Truth)));
            }
        }, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(folder, SummaryFile), summary.ToJson(), cancellationToken).ConfigureAwait(false);
        RunReportWriter.Write(summary, all.Select(r => r.ToTileResult()).ToArray(), folder);
    }

    private static Task WritePredictionsAsync(string path, IReadOnlyList<PredictionRow> rows, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, async stream =>
        {
            var writer = new StreamWriter(stream, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                PredictionCsv.Write(writer, rows.Select(r => new CsvRow(r.Path, r.Label, r.Probabilities, r.Error)));
            }
        }, cancellationToken);
}
