using System.Globalization;
using System.Text;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Output;

/// <summary>
/// The predictions CSV contract: columns path,label,p_Barren..p_Developed,error in that order, invariant culture,
/// RFC 4180 quoting. Written by `landuse score` and by runs (runs/&lt;id&gt;/predictions.csv); read back by reports.
/// </summary>
public static class PredictionCsv
{
    /// <summary>The header columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["path", "label", .. LabelScheme.ClassNames.Select(n => "p_" + n), "error"];

    public static string HeaderLine { get; } = string.Join(',', Columns);

    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(HeaderLine);
        writer.Write('\n');
    }

    public static void WriteRow(TextWriter writer, PredictionRow row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        var line = new StringBuilder();
        line.Append(Quote(row.Path)).Append(',');
        line.Append(row.Label?.ToString() ?? string.Empty);
        for (var c = 0; c < LabelScheme.ClassCount; c++)
        {
            line.Append(',');
            if (row.Probabilities is { } p)
            {
                line.Append(p[c].ToString(CultureInfo.InvariantCulture));
            }
        }

        line.Append(',').Append(Quote(row.Error ?? string.Empty)).Append('\n');
        writer.Write(line.ToString());
    }

    /// <summary>Writes the header and every row.</summary>
    public static void Write(TextWriter writer, IEnumerable<PredictionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        WriteHeader(writer);
        foreach (var row in rows)
        {
            WriteRow(writer, row);
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
        var header = CsvFields.ReadRecord(reader);
        if (header is null || !header.SequenceEqual(Columns))
        {
            throw new FormatException($"Predictions CSV header must be '{HeaderLine}'.");
        }

        var line = 1;
        while (CsvFields.ReadRecord(reader) is { } fields)
        {
            line++;
            yield return Parse(fields, line);
        }
    }

    public static IReadOnlyList<PredictionRow> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader).ToArray();
    }

    private static PredictionRow Parse(List<string> fields, int line)
    {
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

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
