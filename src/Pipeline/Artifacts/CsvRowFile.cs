using System.Text;
using LandUse.Scoring.Csv;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// A CSV artifact written row by row through the one CSV writer: a header, then one record per row. The columns may
/// depend on the first row (<see cref="ColumnsFor"/>), so the header is written with it (or at the end, for no rows).
/// </summary>
public abstract class CsvRowFile(string name, IReadOnlyList<string> columns) : IRunRowFile
{
    private StreamWriter? _text;
    private CsvWriter? _csv;

    public string Name => name;

    public void Open(Stream stream) => _text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);

    public void Add(PredictionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Write(_csv ??= new CsvWriter(_text ?? throw new InvalidOperationException($"{name} was not opened."), ColumnsFor(row)), row);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_text is not null)
        {
            (_csv ?? new CsvWriter(_text, ColumnsFor(null))).Dispose();
            _csv = null;
            await _text.FlushAsync(cancellationToken).ConfigureAwait(false);
            await _text.DisposeAsync().ConfigureAwait(false);
            _text = null;
        }
    }

    /// <summary>
    /// After <see cref="CompleteAsync"/> there is nothing left to release; after a failed pass the sink has already
    /// closed (and discarded) the stream, so the writers are dropped unflushed.
    /// </summary>
    public void Dispose()
    {
        _csv = null;
        _text = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>The file's columns, given its first row (null when there are no rows).</summary>
    protected virtual IReadOnlyList<string> ColumnsFor(PredictionRow? first) => columns;

    /// <summary>Writes the row's record.</summary>
    protected abstract void Write(CsvWriter csv, PredictionRow row);
}

/// <summary>predictions.csv: the same columns as <c>landuse score</c>.</summary>
/// <remarks>Tiles with coordinates (a <c>tiles.csv</c> with lat,lon) append <c>lat,lon</c> after <c>error</c>; the first row decides.</remarks>
public sealed class PredictionsCsvFile() : CsvRowFile(Analysis.Runs.RunFiles.Predictions, PredictionCsv.Columns)
{
    private bool _withCoordinates;

    protected override IReadOnlyList<string> ColumnsFor(PredictionRow? first)
    {
        _withCoordinates = first is { Lat: not null, Lon: not null };
        return _withCoordinates ? PredictionCsv.ColumnsWithCoordinates : PredictionCsv.Columns;
    }

    protected override void Write(CsvWriter csv, PredictionRow row) => PredictionCsv.WriteRow(csv, row, _withCoordinates);
}

/// <summary>index.csv: grid cells, coordinates and truth of every tile.</summary>
public sealed class IndexCsvFile() : CsvRowFile(Analysis.Runs.RunFiles.Index, Analysis.Runs.IndexCsv.Columns)
{
    protected override void Write(CsvWriter csv, PredictionRow row) =>
        Analysis.Runs.IndexCsv.WriteRow(csv, new Analysis.Runs.TileIndexEntry(row.Path, row.Id, row.Row, row.Col, row.Lat, row.Lon, row.Truth));
}
