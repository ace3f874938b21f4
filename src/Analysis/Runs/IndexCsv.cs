using System.Globalization;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Runs;

/// <summary>
/// Reads and writes a run folder's index.csv: <c>path,id,row,col,lat,lon,truth</c>, one row per listed tile,
/// empty cells where unknown. The pipeline writes it; analysis joins it with predictions.csv on <c>path</c>.
/// Reading accepts the columns in any order and only requires <c>path</c>; a missing <c>id</c> is taken from the file name.
/// </summary>
public static class IndexCsv
{
    public const string FileName = "index.csv";

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
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        foreach (var e in entries)
        {
            writer.Write(CsvText.Join(
            [
                e.Path,
                e.Id,
                e.Row?.ToString(CultureInfo.InvariantCulture),
                e.Col?.ToString(CultureInfo.InvariantCulture),
                e.Lat?.ToString("R", CultureInfo.InvariantCulture),
                e.Lon?.ToString("R", CultureInfo.InvariantCulture),
                e.Truth?.ToString(),
            ]));
            writer.Write('\n');
        }
    }

    public static IReadOnlyList<TileIndexEntry> Read(string file)
    {
        using var reader = new StreamReader(file);
        return Read(reader, file);
    }

    /// <summary>Parses index rows; <paramref name="name"/> appears in errors with the line number.</summary>
    public static IReadOnlyList<TileIndexEntry> Read(TextReader reader, string name = FileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{name} is empty; expected header '{string.Join(',', Columns)}'.");
        var columns = CsvText.Split(header.TrimStart('\uFEFF'), out _) ?? [];
        var at = Columns.ToDictionary(c => c, c => columns.FindIndex(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
        if (at["path"] < 0)
        {
            throw new InvalidDataException($"{name} line 1: header has no 'path' column (expected '{string.Join(',', Columns)}').");
        }

        var entries = new List<TileIndexEntry>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = CsvText.Split(line, out var error)
                ?? throw new InvalidDataException($"{name} line {lineNumber}: {error}.");
            entries.Add(ParseRow(new Row(fields, at, name, lineNumber)));
        }

        return entries;
    }

    private static TileIndexEntry ParseRow(Row row)
    {
        var path = row.Text("path") ?? throw row.Error("'path' is empty");
        var id = row.Text("id") ?? TileResult.IdFromPath(path);
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

    private readonly record struct Row(List<string> Fields, Dictionary<string, int> At, string Name, int Line)
    {
        public string? Text(string column)
        {
            var index = At[column];
            if (index < 0 || index >= Fields.Count)
            {
                return null;
            }

            var value = Fields[index].Trim();
            return value.Length == 0 ? null : value;
        }

        public int? Int(string column) => Text(column) is not { } text ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
            : throw Error($"{column} '{text}' is not a non-negative integer");

        public double? Double(string column) => Text(column) is not { } text ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
            : throw Error($"{column} '{text}' is not a number");

        public InvalidDataException Error(string message) => new($"{Name} line {Line}: {message}.");
    }
}
