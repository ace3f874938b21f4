using System.Globalization;
using System.Text;
using LandUse.Scoring.Csv;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Output;

/// <summary>
/// The predictions CSV contract: columns path,label,p_Barren..p_Developed,error in that order, invariant culture,
/// RFC 4180 quoting. Written by `landuse score` and by runs (runs/&lt;id&gt;/predictions.csv); read back by reports.
/// </summary>
public static class PredictionCsv
{
    /// <summary>The file name runs write it under.</summary>
    public const string FileName = "predictions.csv";

    /// <summary>The header columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["path", "label", .. LabelScheme.ClassNames.Select(n => "p_" + n), "error"];

    public static string HeaderLine { get; } = string.Join(',', Columns);

    /// <summary>A writer positioned after the header, for rows written as they come.</summary>
    public static CsvWriter Open(TextWriter writer) => new(writer, Columns);

    public static void WriteRow(CsvWriter csv, PredictionRow row)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(row);
        var fields = new string?[Columns.Count];
        fields[0] = row.Path;
        fields[1] = row.Label?.ToString();
        for (var c = 0; c < LabelScheme.ClassCount; c++)
        {
            fields[2 + c] = row.Probabilities is { } p ? p[c].ToString(CultureInfo.InvariantCulture) : null;
        }

        fields[^1] = row.Error;
        csv.Row(fields);
    }

    /// <summary>Writes the header and every row.</summary>
    public static void Write(TextWriter writer, IEnumerable<PredictionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = Open(writer);
        foreach (var row in rows)
        {
            WriteRow(csv, row);
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
        if (csv.IsEmpty || !csv.Columns.SequenceEqual(Columns))
        {
            throw new FormatException($"Predictions CSV header must be '{HeaderLine}'.");
        }

        foreach (var record in csv.Records())
        {
            yield return Parse(record);
        }
    }

    public static IReadOnlyList<PredictionRow> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader).ToArray();
    }

    private static PredictionRow Parse(CsvRecord record)
    {
        var fields = record.Fields;
        var line = record.Line;
        if (fields.Count != Columns.Count)
        {
            throw new FormatException($"Predictions CSV record {line} has {fields.Count} fields; expected {Columns.Count}.");
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

        var error = fields[^1].Length > 0 ? fields[^1] : null;
        return new PredictionRow(fields[0], label, probabilities, error);
    }
}
