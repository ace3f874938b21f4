using System.Globalization;
using System.Text;
using LandUse.Scoring.Csv;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Output;

/// <summary>
/// The predictions CSV contract: columns path,label,p_Barren..p_Developed,error in that order, invariant culture,
/// RFC 4180 quoting. Written by `landuse score` and by runs (runs/&lt;id&gt;/predictions.csv); read back by reports.
/// A run whose tiles have coordinates appends <c>lat,lon</c> after <c>error</c>, so scripts reading by position keep working.
/// </summary>
public static class PredictionCsv
{
    /// <summary>The file name runs write it under.</summary>
    public const string FileName = "predictions.csv";

    /// <summary>The header columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["path", "label", .. LabelScheme.ClassNames.Select(n => "p_" + n), "error"];

    public static string HeaderLine { get; } = string.Join(',', Columns);

    /// <summary>The header of a run whose tiles have coordinates: <see cref="Columns"/>, then <c>lat,lon</c> (WGS 84 tile centre).</summary>
    public static IReadOnlyList<string> ColumnsWithCoordinates { get; } = [.. Columns, TileIndexColumns.Lat, TileIndexColumns.Lon];

    /// <summary>A writer positioned after the header, for rows written as they come.</summary>
    public static CsvWriter Open(TextWriter writer) => new(writer, Columns);

    /// <summary>A writer whose header ends with <c>lat,lon</c> when <paramref name="withCoordinates"/>; rows go through <see cref="WriteRow(CsvWriter, PredictionRow, bool)"/>.</summary>
    public static CsvWriter Open(TextWriter writer, bool withCoordinates) => new(writer, withCoordinates ? ColumnsWithCoordinates : Columns);

    public static void WriteRow(CsvWriter csv, PredictionRow row) => WriteRow(csv, row, withCoordinates: false);

    /// <summary>Writes a row; with <paramref name="withCoordinates"/> its lat,lon follow the error (empty when unknown).</summary>
    public static void WriteRow(CsvWriter csv, PredictionRow row, bool withCoordinates)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(row);
        var fields = new string?[withCoordinates ? ColumnsWithCoordinates.Count : Columns.Count];
        fields[0] = row.Path;
        fields[1] = row.Label?.ToString();
        for (var c = 0; c < LabelScheme.ClassCount; c++)
        {
            fields[2 + c] = row.Probabilities is { } p ? p[c].ToString(CultureInfo.InvariantCulture) : null;
        }

        fields[Columns.Count - 1] = row.Error;
        if (withCoordinates)
        {
            fields[^2] = row.Lat?.ToString("R", CultureInfo.InvariantCulture);
            fields[^1] = row.Lon?.ToString("R", CultureInfo.InvariantCulture);
        }

        csv.Row(fields);
    }

    /// <summary>Writes the header and every row.</summary>
    public static void Write(TextWriter writer, IEnumerable<PredictionRow> rows) => Write(writer, rows, withCoordinates: false);

    /// <summary>Writes the header (with <c>lat,lon</c> when <paramref name="withCoordinates"/>) and every row.</summary>
    public static void Write(TextWriter writer, IEnumerable<PredictionRow> rows, bool withCoordinates)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = Open(writer, withCoordinates);
        foreach (var row in rows)
        {
            WriteRow(csv, row, withCoordinates);
        }
    }

    public static void WriteFile(string path, IEnumerable<PredictionRow> rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(writer, rows);
    }

    /// <summary>Reads rows back; throws <see cref="FormatException"/> naming the line when the file breaks the contract.</summary>
    public static IEnumerable<PredictionRow> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = CsvReader.From(reader, FileName);
        var withCoordinates = !csv.IsEmpty && csv.Columns.SequenceEqual(ColumnsWithCoordinates);
        if (csv.IsEmpty || !(withCoordinates || csv.Columns.SequenceEqual(Columns)))
        {
            throw new FormatException($"Predictions CSV header must be '{HeaderLine}' (a run with coordinates adds ',lat,lon').");
        }

        foreach (var record in csv.Records())
        {
            yield return Parse(record, withCoordinates);
        }
    }

    public static IReadOnlyList<PredictionRow> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader).ToArray();
    }

    private static PredictionRow Parse(CsvRecord record, bool withCoordinates)
    {
        var fields = record.Fields;
        var line = record.Line;
        var expected = withCoordinates ? ColumnsWithCoordinates.Count : Columns.Count;
        if (fields.Count != expected)
        {
            throw new FormatException($"Predictions CSV record {line} has {fields.Count} fields; expected {expected}.");
        }

        LandCover? label = null;
        if (fields[1].Length > 0)
        {
            label = LabelScheme.TryParseClass(fields[1], out var cover) ? cover : throw new FormatException($"Predictions CSV record {line}: unknown label '{fields[1]}'.");
        }

        float[]? probabilities = null;
        if (fields[2].Length > 0)
        {
            probabilities = new float[LabelScheme.ClassCount];
            for (var c = 0; c < probabilities.Length; c++)
            {
                if (!float.TryParse(fields[2 + c], NumberStyles.Float, CultureInfo.InvariantCulture, out probabilities[c]))
                {
                    throw new FormatException($"Predictions CSV record {line}: '{fields[2 + c]}' in {Columns[2 + c]} is not a number.");
                }
            }
        }

        var error = fields[Columns.Count - 1].Length > 0 ? fields[Columns.Count - 1] : null;
        var row = new PredictionRow(fields[0], label, probabilities, error);
        return withCoordinates ? row with { Lat = Coordinate(fields[^2], "lat", line), Lon = Coordinate(fields[^1], "lon", line) } : row;
    }

    private static double? Coordinate(string text, string column, int line) =>
        text.Length == 0 ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw new FormatException($"Predictions CSV record {line}: '{text}' in {column} is not a number.");
}
