using System.Globalization;
using LandUse.Scoring.Csv;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Analysis.Runs;

/// <summary>
/// Reads and writes a run folder's index.csv: <c>path,id,row,col,lat,lon,truth</c>, one row per listed tile,
/// empty cells where unknown. The pipeline writes it; analysis joins it with predictions.csv on <c>path</c>.
/// Reading accepts the columns in any order and only requires <c>path</c>; a missing <c>id</c> is taken from the file name.
/// </summary>
public static class IndexCsv
{
    public const string FileName = RunFiles.Index;

    public static IReadOnlyList<string> Columns { get; } = ["path", "id", "row", "col", "lat", "lon", "truth"];

    public static void Write(string file, IEnumerable<TileIndexEntry> entries)
    {
        using var writer = new StreamWriter(file);
        Write(writer, entries);
    }

    public static void Write(TextWriter writer, IEnumerable<TileIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        using var csv = new CsvWriter(writer, Columns);
        foreach (var e in entries)
        {
            WriteRow(csv, e);
        }
    }

    /// <summary>Writes one entry's record into a writer opened with <see cref="Columns"/> (for files written row by row).</summary>
    public static void WriteRow(CsvWriter csv, TileIndexEntry e)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(e);
        csv.Row(
            e.Path,
            e.Id,
            e.Row?.ToString(CultureInfo.InvariantCulture),
            e.Col?.ToString(CultureInfo.InvariantCulture),
            e.Lat?.ToString("R", CultureInfo.InvariantCulture),
            e.Lon?.ToString("R", CultureInfo.InvariantCulture),
            e.Truth?.ToString());
    }

    public static IReadOnlyList<TileIndexEntry> Read(string file)
    {
        using var reader = new StreamReader(file);
        return Read(reader, file);
    }

    /// <summary>Parses index rows; <paramref name="name"/> appears in errors with the line number.</summary>
    public static IReadOnlyList<TileIndexEntry> Read(TextReader reader, string name = FileName) => [.. ReadLines(reader, name).Select(e => e.Entry)];

    /// <summary>Index rows one at a time with the line each starts on (a run folder's tiles are streamed through this).</summary>
    public static IEnumerable<(TileIndexEntry Entry, int Line)> ReadLines(TextReader reader, string name = FileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = CsvReader.From(reader, name);
        if (csv.IsEmpty)
        {
            throw new InvalidDataException($"{name} is empty; expected header '{string.Join(',', Columns)}'.");
        }

        var at = Columns.ToDictionary(c => c, csv.IndexOf);
        if (at["path"] < 0)
        {
            throw new InvalidDataException($"{name} line 1: header has no 'path' column (expected '{string.Join(',', Columns)}').");
        }

        foreach (var record in csv.Records())
        {
            yield return (ParseRow(new Row(record, at, name)), record.Line);
        }
    }

    private static TileIndexEntry ParseRow(Row row)
    {
        var path = row.Text("path") ?? throw row.Error("'path' is empty");
        var id = row.Text("id") ?? TileIds.Of(path);
        var truthText = row.Text("truth");
        LandCover? truth = null;
        if (truthText is not null)
        {
            truth = LabelScheme.TryParseClass(truthText, out var cover)
                ? cover
                : throw row.Error($"truth '{truthText}' is not one of {string.Join(", ", LabelScheme.ClassNames)}");
        }

        return new TileIndexEntry(path, id, row.Int("row"), row.Int("col"), row.Double("lat"), row.Double("lon"), truth);
    }

    private readonly record struct Row(CsvRecord Record, Dictionary<string, int> At, string Name)
    {
        public string? Text(string column) => Record.Text(At[column]);

        public int? Int(string column) => Text(column) is not { } text ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
            : throw Error($"{column} '{text}' is not a non-negative integer");

        public double? Double(string column) => Text(column) is not { } text ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
            : throw Error($"{column} '{text}' is not a number");

        public InvalidDataException Error(string message) => new($"{Name} line {Record.Line}: {message}.");
    }
}
