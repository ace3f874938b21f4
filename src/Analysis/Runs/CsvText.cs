using System.Text;

namespace LandUse.Analysis.Runs;

/// <summary>RFC 4180 quoting for the one-line records of analysis files (index.csv, candidates.csv).</summary>
internal static class CsvText
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Join(IEnumerable<string?> values) => string.Join(',', values.Select(Escape));

    /// <summary>Splits one line into fields; returns null with <paramref name="error"/> set when a quote is left open.</summary>
    public static List<string>? Split(string line, out string? error)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        error = null;
        while (i < line.Length)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }

            i++;
        }

        if (quoted)
        {
            error = "unterminated quoted field";
            return null;
        }

        fields.Add(field.ToString());
        return fields;
    }
}
